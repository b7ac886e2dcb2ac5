#pragma once
// One numbered migration, e.g. {"0001_units.sql", "CREATE TABLE ..."}; a service's
// migrations/ folder is embedded into its binary (cmake/PaizhuEmbed.cmake).

#include <string>
#include <vector>

namespace paizhu::sql {

struct MigrationFile {
  std::string name;
  std::string text;
};

}  // namespace paizhu::sql
