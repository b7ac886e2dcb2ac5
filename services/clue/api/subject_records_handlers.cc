// ListSubjectRecords: the clues naming one person, for org's integrity opinion. Only the
// org service calls it (its access option); the view is the asking person's, which org
// passes from the principal the gateway signed for it.

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"
#include "services/clue/domain/subject_records.h"

namespace paizhu::clue {
namespace {

// A person is named in few clues; more than this is cut (newest first).
constexpr int kMaxSubjectRecords = 200;

absl::StatusOr<Viewer> ViewerOnBehalf(const v1::ListSubjectRecordsRequest& request,
                                      const auth::Principal& caller) {
  ASSIGN_OR_RETURN(std::string person,
                   names::ParseName(request.on_behalf_of(), "people", "on_behalf_of"));
  Viewer v;
  v.actor = absl::StrCat("person:", person, " via service:", caller.subject());
  for (const std::string& unit : request.visible_units()) {
    if (unit == "*") {
      v.sees_all = true;
    } else {
      ASSIGN_OR_RETURN(std::string code, names::ParseName(unit, "units", "visible_units"));
      v.units.insert(code);
    }
  }
  return v;
}

}  // namespace

grpc::Status ClueApi::ListSubjectRecords(grpc::ServerContext* ctx,
                                         const v1::ListSubjectRecordsRequest* request,
                                         v1::ListSubjectRecordsResponse* response) {
  return gate_->Serve(
      ctx, ClueMethod("ListSubjectRecords"), [&](const server::CallContext& call) -> absl::Status {
        if (request->subject_name().empty()) {
          return InvalidArgument("subject_name", "REQUIRED", "subject_name: required");
        }
        std::string unit_code;
        if (!request->subject_unit().empty()) {
          ASSIGN_OR_RETURN(unit_code,
                           names::ParseName(request->subject_unit(), "units", "subject_unit"));
        }
        absl::CivilDay as_of = TodayInChina();
        if (!request->as_of().empty()) {
          ASSIGN_OR_RETURN(as_of, ParseDate(request->as_of(), "as_of"));
        }
        ASSIGN_OR_RETURN(Viewer viewer, ViewerOnBehalf(*request, call.principal));
        ASSIGN_OR_RETURN(std::vector<Clue> clues,
                         clues_->ListBySubject(request->subject_name(), unit_code, viewer,
                                               kMaxSubjectRecords, call.deadline));
        for (const Clue& c : clues) {
          v1::SubjectRecord* out = response->add_records();
          out->set_clue(names::MakeName("clues", c.number));
          out->set_received_on(FormatDate(c.received_on));
          out->set_handling_unit(names::MakeName("units", c.handling_unit_code));
          out->set_state(c.state);
          out->set_open(IsOpen(c));
          if (c.case_file) out->set_filed_case(names::MakeName("cases", c.case_file->number));
          for (const Outcome& o : SanctionsInEffect(c, request->subject_name(), as_of))
            ToProto(o, out->add_sanctions_in_effect());
        }
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
