# Script mode: writes OUT, a .cc defining
# `std::vector<std::pair<std::string, std::string>> DefaultSchemes()`: (file name, JSON).
set(body "// Generated from data/schemes/*.json; do not edit.\n#include <string>\n#include <utility>\n#include <vector>\n\nnamespace paizhu::generated {\n\nstd::vector<std::pair<std::string, std::string>> DefaultSchemes() {\n  return {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  string(APPEND body "      {\"${name}\", R\"paizhu_json(${text})paizhu_json\"},\n")
endforeach()
string(APPEND body "  };\n}\n\n}  // namespace paizhu::generated\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
