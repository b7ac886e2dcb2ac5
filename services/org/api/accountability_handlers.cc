// 一帮一 mentoring pairs and 问责 accountability records.

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"

namespace paizhu::org {
namespace {

using server::CallContext;

// "people/P1" -> {"person", "P1"}; "units/G1" -> {"unit", "G1"}.
absl::StatusOr<std::pair<std::string, std::string>> ParseSubject(const std::string& name,
                                                                 const char* field) {
  if (absl::StartsWith(name, "people/")) {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(name, "people", field));
    return std::make_pair(std::string("person"), code);
  }
  ASSIGN_OR_RETURN(std::string code, names::ParseName(name, "units", field));
  return std::make_pair(std::string("unit"), code);
}

// The key a page token carries: the last record's "decided_on/id".
absl::StatusOr<AccountabilityCursor> ParseCursor(const std::string& key) {
  std::vector<std::string> parts = absl::StrSplit(key, '/');
  AccountabilityCursor cursor;
  absl::StatusOr<absl::CivilDay> day =
      parts.size() == 2 ? ParseDate(parts[0], "page_token") : absl::StatusOr<absl::CivilDay>();
  if (parts.size() != 2 || !day.ok() || !absl::SimpleAtoi(parts[1], &cursor.id)) {
    return InvalidArgument("page_token", "INVALID_PAGE_TOKEN",
                           "page_token: not a token this list returned");
  }
  cursor.decided_on = *day;
  return cursor;
}

void ToProto(const Accountability& a, v1::Accountability* out) {
  out->set_name(absl::StrCat("accountability/", a.id));
  out->set_subject(
      names::MakeName(a.subject_kind == "person" ? "people" : "units", a.subject_code));
  out->set_decided_on(FormatDate(a.decided_on));
  out->set_measure(a.measure);
  out->set_reason(a.reason);
}

}  // namespace

grpc::Status OrgApi::RecordMentoring(grpc::ServerContext* ctx,
                                     const v1::RecordMentoringRequest* request,
                                     v1::Person* response) {
  return gate_->Serve(ctx, Method("RecordMentoring"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string mentor, names::ParseName(request->mentor(), "people", "mentor"));
    ASSIGN_OR_RETURN(std::string mentee, names::ParseName(request->mentee(), "people", "mentee"));
    DateRange when;
    ASSIGN_OR_RETURN(when.from, ParseDate(request->from_date(), "from_date"));
    ASSIGN_OR_RETURN(when.to, OptionalDate(request->to_date(), "to_date"));
    if (when.to && *when.to < when.from) {
      return InvalidArgument("to_date", "END_BEFORE_START", "to_date: before from_date");
    }
    ASSIGN_OR_RETURN(Person person,
                     repository_->RecordMentoring(mentor, mentee, when, call.deadline));
    ToProto(person, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::RecordAccountability(grpc::ServerContext* ctx,
                                          const v1::RecordAccountabilityRequest* request,
                                          v1::Accountability* response) {
  return gate_->Serve(
      ctx, Method("RecordAccountability"), [&](const CallContext& call) -> absl::Status {
        const v1::Accountability& in = request->accountability();
        Accountability a;
        ASSIGN_OR_RETURN(auto subject, ParseSubject(in.subject(), "accountability.subject"));
        std::tie(a.subject_kind, a.subject_code) = subject;
        ASSIGN_OR_RETURN(a.decided_on, ParseDate(in.decided_on(), "accountability.decided_on"));
        if (a.decided_on > TodayInChina()) {
          return InvalidArgument("accountability.decided_on", "DATE_IN_FUTURE",
                                 "accountability.decided_on: after today");
        }
        a.measure = in.measure();
        a.reason = in.reason();
        if (a.measure.empty() || a.measure.size() > 300) {
          return InvalidArgument("accountability.measure", "INVALID_MEASURE",
                                 "accountability.measure: required, at most 100 characters");
        }
        if (a.reason.empty() || a.reason.size() > 3000) {
          return InvalidArgument("accountability.reason", "INVALID_REASON",
                                 "accountability.reason: required, at most 1,000 characters");
        }
        ASSIGN_OR_RETURN(Accountability stored,
                         repository_->RecordAccountability(a, call.deadline));
        ToProto(stored, response);
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::ListAccountability(grpc::ServerContext* ctx,
                                        const v1::ListAccountabilityRequest* request,
                                        v1::ListAccountabilityResponse* response) {
  return gate_->Serve(
      ctx, Method("ListAccountability"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(auto subject, ParseSubject(request->subject(), "subject"));
        std::string fingerprint = absl::StrCat("subject=", request->subject());
        ASSIGN_OR_RETURN(
            names::PageRequest page,
            names::ParsePage(request->page_size(), request->page_token(), fingerprint));
        std::optional<AccountabilityCursor> after;
        if (!page.after_key.empty()) {
          ASSIGN_OR_RETURN(after, ParseCursor(page.after_key));
        }
        // One more than asked tells whether another page exists.
        ASSIGN_OR_RETURN(std::vector<Accountability> records,
                         repository_->ListAccountability(subject.first, subject.second, after,
                                                         page.limit + 1, call.deadline));
        bool more = static_cast<int>(records.size()) > page.limit;
        if (more) records.resize(page.limit);
        for (const Accountability& a : records) ToProto(a, response->add_records());
        if (more) {
          const Accountability& last = records.back();
          response->set_next_page_token(names::MakePageToken(
              absl::StrCat(FormatDate(last.decided_on), "/", last.id), fingerprint));
        }
        return absl::OkStatus();
      });
}

}  // namespace paizhu::org
