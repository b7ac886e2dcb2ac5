#include "services/assess/api/assess_api.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/import/run_import.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/assess/domain/activity_rows.h"
#include "services/assess/storage/mysql_activity_repository.h"

namespace paizhu::assess {
namespace {

using server::CallContext;

std::string Method(const char* name) {
  return absl::StrCat("/paizhu.assess.v1.AssessService/", name);
}

void ToProto(const Activity& a, v1::Activity* out) {
  out->set_name(absl::StrCat("activities/", a.id));
  out->set_group(names::MakeName("units", a.group_code));
  out->set_unit(names::MakeName("units", a.unit_code));
  out->set_date(FormatDate(a.day));
  out->set_kind(a.kind);
  out->set_subkind(a.subkind);
  out->set_count(a.count);
  out->set_note(a.note);
}

absl::StatusOr<Activity> FromProto(const v1::Activity& in, const CallContext& call) {
  Activity a;
  ASSIGN_OR_RETURN(a.group_code, names::ParseName(in.group(), "units", "activity.group"));
  ASSIGN_OR_RETURN(a.unit_code, names::ParseName(in.unit(), "units", "activity.unit"));
  ASSIGN_OR_RETURN(a.day, ParseDate(in.date(), "activity.date"));
  a.kind = in.kind();
  a.subkind = in.subkind();
  a.count = in.count() == 0 ? 1 : in.count();  // CONTRACTS.md: count defaults to 1
  a.note = in.note();
  a.recorded_by = call.principal.subject();
  return a;
}

}  // namespace

grpc::Status AssessApi::RecordActivity(grpc::ServerContext* ctx,
                                       const v1::RecordActivityRequest* request,
                                       v1::Activity* response) {
  return gate_->Serve(ctx, Method("RecordActivity"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Activity activity, FromProto(request->activity(), call));
    RETURN_IF_ERROR(ValidateActivity(activity, TodayInChina()));
    ASSIGN_OR_RETURN(std::optional<std::string> group_kind,
                     units_->UnitKind(activity.group_code, call));
    if (!group_kind) {
      return InvalidArgument(
          "activity.group", "UNIT_NOT_FOUND",
          absl::StrCat("activity.group: units/", activity.group_code, " does not exist"));
    }
    ASSIGN_OR_RETURN(std::optional<std::string> unit_kind,
                     units_->UnitKind(activity.unit_code, call));
    if (!unit_kind) {
      return InvalidArgument(
          "activity.unit", "UNIT_NOT_FOUND",
          absl::StrCat("activity.unit: units/", activity.unit_code, " does not exist"));
    }
    RETURN_IF_ERROR(ValidateActivityUnits(*group_kind, *unit_kind));
    v1::RecordActivityRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "RecordActivity", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(Activity stored, activities_->Record(activity, key, call.deadline));
    ToProto(stored, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::ListActivities(grpc::ServerContext* ctx,
                                       const v1::ListActivitiesRequest* request,
                                       v1::ListActivitiesResponse* response) {
  return gate_->Serve(ctx, Method("ListActivities"), [&](const CallContext& call) -> absl::Status {
    ActivityFilter filter;
    if (!request->group().empty()) {
      ASSIGN_OR_RETURN(filter.group_code, names::ParseName(request->group(), "units", "group"));
    }
    if (!request->from_date().empty()) {
      ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
      filter.from_day = FormatDate(from);
    }
    if (!request->to_date().empty()) {
      ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to_date(), "to_date"));
      filter.to_day = FormatDate(to);
    }
    std::string fingerprint =
        absl::StrCat("group=", filter.group_code, ";from=", filter.from_day, ";to=", filter.to_day);
    ASSIGN_OR_RETURN(names::PageRequest page,
                     names::ParsePage(request->page_size(), request->page_token(), fingerprint));
    ActivityCursor after;
    if (!page.after_key.empty()) {
      std::vector<std::string> parts = absl::StrSplit(page.after_key, '|');
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[1], &after.id)) {
        return InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "page_token: damaged");
      }
      after.day = parts[0];
    }
    ASSIGN_OR_RETURN(std::vector<Activity> rows,
                     activities_->List(filter, after, page.limit + 1, call.deadline));
    bool more = static_cast<int>(rows.size()) > page.limit;
    if (more) rows.resize(page.limit);
    for (const Activity& a : rows) ToProto(a, response->add_activities());
    if (more) {
      response->set_next_page_token(names::MakePageToken(
          absl::StrCat(FormatDate(rows.back().day), "|", rows.back().id), fingerprint));
    }
    return absl::OkStatus();
  });
}

// CONTRACTS.md kind `activities`, through the shared import run (common/import): the rows
// parsed, then the group and unit of every good row asked of org (once per code), then the
// rows still good inserted in file order, each in a savepoint.
grpc::Status AssessApi::ImportActivities(grpc::ServerContext* ctx,
                                         const v1::ImportActivitiesRequest* request,
                                         paizhu::common::v1::ImportResult* response) {
  return gate_->Serve(
      ctx, Method("ImportActivities"), [&](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
        std::vector<ActivityColumns> rows;
        rows.reserve(request->rows_size());
        for (const v1::ActivityRow& in : request->rows()) {
          rows.push_back({in.line(), in.group(), in.unit(), in.date(), in.kind(), in.subkind(),
                          in.count(), in.note()});
        }
        imports::ParsedRows<ActivityRecord> parsed =
            ParseActivityRows(rows, TodayInChina(), call.principal.subject());
        std::map<std::string, std::optional<std::string>> kinds;
        for (const ActivityRecord& r : parsed.records) {
          for (const std::string* code : {&r.activity.group_code, &r.activity.unit_code}) {
            if (kinds.count(*code)) continue;
            ASSIGN_OR_RETURN(kinds[*code], units_->UnitKind(*code, call));
          }
        }
        imports::ParsedRows<ActivityRecord> checked;
        checked.errors = std::move(parsed.errors);
        for (ActivityRecord& r : parsed.records) {
          const std::optional<std::string>& group = kinds[r.activity.group_code];
          const std::optional<std::string>& unit = kinds[r.activity.unit_code];
          size_t before = checked.errors.size();
          if (!group) {
            checked.errors.push_back(
                {r.line, "group", "UNIT_NOT_FOUND",
                 absl::StrCat("group: units/", r.activity.group_code, " does not exist")});
          }
          if (!unit) {
            checked.errors.push_back(
                {r.line, "unit", "UNIT_NOT_FOUND",
                 absl::StrCat("unit: units/", r.activity.unit_code, " does not exist")});
          }
          if (group && unit) {
            if (absl::Status s = ValidateActivityUnits(*group, *unit); !s.ok()) {
              std::string column = ErrorField(s) == "activity.group" ? "group" : "unit";
              checked.errors.push_back(
                  {r.line, column, ErrorReason(s), absl::StrCat(column, ": ", s.message())});
            }
          }
          if (checked.errors.size() == before) checked.records.push_back(std::move(r));
        }
        std::vector<size_t> order(checked.records.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto apply = [](sql::Transaction& tx, const ActivityRecord& r) -> absl::Status {
          return imports::AsRow(InsertActivity(tx, r.activity).status(), {}, "note");
        };
        return imports::RunImport<ActivityRecord>(
            *pool_, call.deadline, request->rows_size(), request->options(),
            imports::KeyOf(*request, "ImportActivities"), checked, order, apply, response);
      });
}

}  // namespace paizhu::assess
