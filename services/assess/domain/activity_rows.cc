#include "services/assess/domain/activity_rows.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::assess {
namespace {

std::string Trim(const std::string& text) { return std::string(absl::StripAsciiWhitespace(text)); }

// The API's field ("activity.count") -> the CSV column ("count").
std::string Column(const std::string& field) {
  constexpr absl::string_view kPrefix = "activity.";
  if (absl::string_view(field).substr(0, kPrefix.size()) == kPrefix) {
    return field.substr(kPrefix.size());
  }
  return field;
}

}  // namespace

imports::ParsedRows<ActivityRecord> ParseActivityRows(const std::vector<ActivityColumns>& rows,
                                                      absl::CivilDay today,
                                                      const std::string& recorded_by) {
  imports::ParsedRows<ActivityRecord> out;
  for (const ActivityColumns& in : rows) {
    size_t before = out.errors.size();
    auto bad = [&](const std::string& field, absl::string_view reason, absl::string_view what) {
      out.errors.push_back({in.line, field, std::string(reason), absl::StrCat(field, ": ", what)});
    };
    ActivityRecord record;
    record.line = in.line;
    Activity& a = record.activity;
    a.group_code = Trim(in.group);
    a.unit_code = Trim(in.unit);
    a.kind = Trim(in.kind);
    a.subkind = Trim(in.subkind);
    a.note = Trim(in.note);
    a.recorded_by = recorded_by;
    for (auto [column, code] : {std::pair<const char*, const std::string*>{"group", &a.group_code},
                                {"unit", &a.unit_code}}) {
      if (code->empty()) {
        bad(column, "REQUIRED", "required");
      } else if (!names::IsValidCode(*code)) {
        bad(column, "INVALID_CODE", absl::StrCat("'", *code, "' is not a code"));
      }
    }
    std::string date = Trim(in.date);
    if (date.empty()) {
      bad("date", "REQUIRED", "required");
    } else if (absl::StatusOr<absl::CivilDay> day = ParseDate(date, "date"); !day.ok()) {
      bad("date", ErrorReason(day.status()), day.status().message());
    } else {
      a.day = *day;
    }
    std::string count = Trim(in.count);
    if (!count.empty() && !absl::SimpleAtoi(count, &a.count)) {
      bad("count", "INVALID_COUNT", absl::StrCat("'", count, "' is not a whole number"));
    } else if (count.empty()) {
      a.count = 1;  // CONTRACTS.md: default 1
    }
    if (out.errors.size() == before) {
      // RecordActivity's own rules, on the CSV's columns.
      if (absl::Status s = ValidateActivity(a, today); !s.ok()) {
        std::string field = ErrorField(s);
        absl::string_view what = s.message();
        if (absl::StartsWith(what, field + ": ")) what.remove_prefix(field.size() + 2);
        bad(Column(field), ErrorReason(s), what);
      }
    } else if (!IsActivityKind(a.kind)) {
      bad("kind", "INVALID_ACTIVITY_KIND", absl::StrCat("'", a.kind, "' is not an activity kind"));
    }
    if (out.errors.size() == before) out.records.push_back(std::move(record));
  }
  return out;
}

}  // namespace paizhu::assess
