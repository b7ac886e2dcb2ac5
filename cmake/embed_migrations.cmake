# Script mode: writes OUT, a .cc defining `std::vector<paizhu::sql::MigrationFile> SYMBOL()`.
set(body "// Generated from migrations/*.sql; do not edit.\n#include \"common/sql/migration_file.h\"\n\nnamespace paizhu::generated {\n\nstd::vector<paizhu::sql::MigrationFile> ${SYMBOL}() {\n  return {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  # A raw string with a delimiter no migration uses.
  string(APPEND body "      {\"${name}\", R\"paizhu_sql(${text})paizhu_sql\"},\n")
endforeach()
string(APPEND body "  };\n}\n\n}  // namespace paizhu::generated\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
