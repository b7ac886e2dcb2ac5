#pragma once
// The figures of one run: a table for people and one JSON document for machines, each
// figure with its ratio to its baseline, and the targets, met or not.

#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "tools/bench/scenarios.h"

namespace paizhu::bench {

struct Target {
  std::string name;      // "B2/B1 throughput"
  double value = 0;      // measured
  std::string relation;  // ">=" or "<="
  double limit = 0;
  bool measured = false;
  bool met() const { return measured && (relation == ">=" ? value >= limit : value <= limit); }
};

std::vector<Target> Targets(const std::vector<Figure>& figures);
std::string Table(const std::vector<Figure>& figures, const std::vector<Target>& targets);
nlohmann::json Json(const RunSettings& settings, const std::vector<Figure>& figures,
                    const std::vector<Target>& targets, double elapsed_seconds);

}  // namespace paizhu::bench
