#include "services/org/domain/unit.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/names/resource_name.h"
#include "common/status/status.h"

namespace paizhu::org {
namespace {

constexpr std::array<const char*, 9> kKinds = {
    "commission",   "supervision_office", "case_management_office",
    "trial_office", "petition_office",    "office",
    "group",        "supervised_unit",    "township"};

// Display names are Chinese unit names; 100 characters covers the longest real ones.
constexpr size_t kMaxDisplayNameBytes = 300;

}  // namespace

bool IsOfficeKind(const std::string& kind) {
  return kind == "supervision_office" || kind == "case_management_office" ||
         kind == "trial_office" || kind == "petition_office" || kind == "office";
}

bool IsUnitKind(const std::string& kind) {
  for (const char* k : kKinds) {
    if (kind == k) return true;
  }
  return false;
}

absl::Status ValidateNewUnit(const Unit& unit) {
  if (!names::IsValidCode(unit.code)) {
    return InvalidArgument("unit_id", "INVALID_CODE", "unit_id: 1-32 letters, digits, '-' or '_'");
  }
  if (!IsUnitKind(unit.kind)) {
    return InvalidArgument(
        "unit.kind", "INVALID_UNIT_KIND",
        absl::StrCat("unit.kind: '", unit.kind, "' is not one of ", absl::StrJoin(kKinds, ", ")));
  }
  if (unit.display_name.empty() || unit.display_name.size() > kMaxDisplayNameBytes) {
    return InvalidArgument("unit.display_name", "INVALID_DISPLAY_NAME",
                           "unit.display_name: required, at most 100 characters");
  }
  if (unit.kind == "commission" && !unit.parent_code.empty()) {
    return InvalidArgument("unit.parent", "COMMISSION_HAS_NO_PARENT",
                           "unit.parent: the commission is the root and has no parent");
  }
  if (unit.parent_code == unit.code) {
    return InvalidArgument("unit.parent", "UNIT_OWN_PARENT",
                           "unit.parent: a unit cannot be its own parent");
  }
  if (!unit.guiding_office_code.empty() && unit.kind != "group") {
    return InvalidArgument("unit.guiding_office", "NOT_A_GROUP",
                           "unit.guiding_office: only stationed groups have a guiding office");
  }
  if (unit.dissolved_on && *unit.dissolved_on < unit.established_on) {
    return InvalidArgument("unit.dissolved_on", "DISSOLVED_BEFORE_ESTABLISHED",
                           "unit.dissolved_on: before established_on");
  }
  return absl::OkStatus();
}

}  // namespace paizhu::org
