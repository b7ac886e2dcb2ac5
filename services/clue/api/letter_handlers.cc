// Recommendation letters: issue, read, list (overdue first), the unit's reply, and each
// problem's rectification to its follow-up review.

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

std::string OptDate(const std::optional<absl::CivilDay>& d) { return d ? FormatDate(*d) : ""; }

void ToProto(const Letter& l, absl::CivilDay today, v1::Letter* out) {
  out->set_name(names::MakeName("letters", l.code));
  out->set_kind(l.kind);
  out->set_issuer(names::MakeName("units", l.issuer));
  out->set_unit(names::MakeName("units", l.unit));
  out->set_issued_on(FormatDate(l.issued_on));
  out->set_reply_due(FormatDate(l.reply_due));
  out->set_replied_on(OptDate(l.replied_on));
  out->set_reply(l.reply);
  out->set_overdue(IsLetterOverdue(l, today));
  out->set_etag(absl::StrCat(l.version));
  for (const LetterProblem& p : l.problems) {
    auto* o = out->add_problems();
    o->set_seq(p.seq);
    o->set_description(p.description);
    o->set_state(p.state);
    o->set_rectified_on(OptDate(p.rectified_on));
    o->set_verified_on(OptDate(p.verified_on));
    o->set_evidence(p.evidence);
    o->set_overdue(IsProblemOverdue(p, l, today));
  }
}

absl::Status LetterNotFound(const std::string& name) {
  return NotFound("LETTER_NOT_FOUND", absl::StrCat(name, " does not exist"));
}

// The issuing side acts: a group or office role in the issuing unit.
absl::Status CheckIssuer(const Actor& actor, const std::string& issuer) {
  if (actor.roles.count({"group", issuer}) || actor.roles.count({"office", issuer})) {
    return absl::OkStatus();
  }
  return PermissionDenied("NOT_THE_ISSUER", "only the issuing group or office acts on a letter");
}

absl::Status CheckEtag(const std::string& etag, int64_t version) {
  if (etag.empty() || etag == absl::StrCat(version)) return absl::OkStatus();
  return Aborted("ETAG_MISMATCH", "the letter changed since you read it; read it again");
}

}  // namespace

grpc::Status ClueApi::IssueLetter(grpc::ServerContext* ctx, const v1::IssueLetterRequest* request,
                                  v1::Letter* response) {
  return gate_->Serve(ctx, ClueMethod("IssueLetter"), [&](const CallContext& call) -> absl::Status {
    const v1::Letter& in = request->letter();
    absl::CivilDay today = TodayInChina();
    Letter l;
    ASSIGN_OR_RETURN(l.code, names::ParseName(in.name(), "letters", "letter.name"));
    l.kind = in.kind();
    ASSIGN_OR_RETURN(l.issuer, names::ParseName(in.issuer(), "units", "letter.issuer"));
    ASSIGN_OR_RETURN(l.unit, names::ParseName(in.unit(), "units", "letter.unit"));
    if (in.issued_on().empty()) {
      l.issued_on = today;
    } else {
      ASSIGN_OR_RETURN(l.issued_on, ParseDate(in.issued_on(), "letter.issued_on"));
    }
    ASSIGN_OR_RETURN(l.reply_due, ParseDate(in.reply_due(), "letter.reply_due"));
    for (const auto& p : in.problems()) {
      LetterProblem problem;
      problem.description = p.description();
      l.problems.push_back(problem);
    }
    RETURN_IF_ERROR(ValidateNewLetter(l, today));
    RETURN_IF_ERROR(CheckIssuer(ActorOf(call.principal), l.issuer));
    // To a supervised unit; a group writes only to the units it supervises.
    ASSIGN_OR_RETURN(std::optional<client::UnitFacts> unit, units_->Lookup(l.unit, call));
    if (!unit || unit->kind != "supervised_unit") {
      return InvalidArgument("letter.unit", "NOT_A_SUPERVISED_UNIT",
                             "letter.unit: a letter goes to a supervised unit");
    }
    ASSIGN_OR_RETURN(std::optional<client::UnitFacts> issuer, units_->Lookup(l.issuer, call));
    if (issuer && issuer->kind == "group" && unit->supervising_group != l.issuer) {
      return FailedPrecondition("NOT_SUPERVISED_BY_ISSUER",
                                "letter.unit: the group does not supervise this unit");
    }
    ASSIGN_OR_RETURN(Letter stored, letters_->Create(l, call.deadline));
    ToProto(stored, today, response);
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::GetLetter(grpc::ServerContext* ctx, const v1::GetLetterRequest* request,
                                v1::Letter* response) {
  return gate_->Serve(ctx, ClueMethod("GetLetter"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "letters", "name"));
    ASSIGN_OR_RETURN(std::optional<Letter> l,
                     letters_->Get(code, ViewerOf(call.principal), call.deadline));
    if (!l) return LetterNotFound(request->name());
    ToProto(*l, TodayInChina(), response);
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::ListLetters(grpc::ServerContext* ctx, const v1::ListLettersRequest* request,
                                  v1::ListLettersResponse* response) {
  return gate_->Serve(ctx, ClueMethod("ListLetters"), [&](const CallContext& call) -> absl::Status {
    LetterFilter filter;
    filter.today = TodayInChina();
    filter.overdue_only = request->overdue_only();
    if (!request->unit().empty()) {
      ASSIGN_OR_RETURN(filter.unit, names::ParseName(request->unit(), "units", "unit"));
    }
    if (!request->issuer().empty()) {
      ASSIGN_OR_RETURN(filter.issuer, names::ParseName(request->issuer(), "units", "issuer"));
    }
    // The day is part of the fingerprint: overdue changes with it.
    std::string fingerprint =
        absl::StrCat("unit=", filter.unit, ";issuer=", filter.issuer,
                     ";overdue=", filter.overdue_only, ";day=", FormatDate(filter.today));
    ASSIGN_OR_RETURN(
        names::PageRequest page,
        names::ParsePage(request->page_size(), request->page_token(), fingerprint, 50, 500));
    LetterCursor cursor;
    if (!page.after_key.empty()) {
      std::vector<std::string> parts = absl::StrSplit(page.after_key, ':');
      int overdue = 0;
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &overdue) ||
          !absl::SimpleAtoi(parts[1], &cursor.id)) {
        return InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "page_token: damaged");
      }
      cursor.overdue = overdue != 0;
    }
    ASSIGN_OR_RETURN(auto letters, letters_->List(ViewerOf(call.principal), filter, cursor,
                                                  page.limit + 1, call.deadline));
    bool more = static_cast<int>(letters.size()) > page.limit;
    if (more) letters.resize(page.limit);
    for (const auto& [l, overdue] : letters) ToProto(l, filter.today, response->add_letters());
    if (more) {
      const auto& [last, overdue] = letters.back();
      response->set_next_page_token(
          names::MakePageToken(absl::StrCat(overdue ? 1 : 0, ":", last.id), fingerprint));
    }
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::RecordLetterReply(grpc::ServerContext* ctx,
                                        const v1::RecordLetterReplyRequest* request,
                                        v1::Letter* response) {
  return gate_->Serve(
      ctx, ClueMethod("RecordLetterReply"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "letters", "name"));
        absl::CivilDay today = TodayInChina();
        absl::CivilDay replied_on = today;
        if (!request->replied_on().empty()) {
          ASSIGN_OR_RETURN(replied_on, ParseDate(request->replied_on(), "replied_on"));
        }
        if (request->reply().empty()) {
          return InvalidArgument("reply", "REPLY_REQUIRED", "reply: what the unit answered");
        }
        Actor actor = ActorOf(call.principal);
        ASSIGN_OR_RETURN(std::optional<Letter> l,
                         letters_->Update(
                             code, ViewerOf(call.principal),
                             [&](Letter& letter) -> absl::Status {
                               RETURN_IF_ERROR(CheckEtag(request->etag(), letter.version));
                               RETURN_IF_ERROR(CheckIssuer(actor, letter.issuer));
                               if (letter.replied_on) {
                                 return FailedPrecondition(kReasonIllegalTransition,
                                                           "the reply is already recorded");
                               }
                               if (replied_on > today || replied_on < letter.issued_on) {
                                 return InvalidArgument("replied_on", "INVALID_DATE",
                                                        "replied_on: between issued_on and today");
                               }
                               letter.replied_on = replied_on;
                               letter.reply = request->reply();
                               return absl::OkStatus();
                             },
                             call.deadline));
        if (!l) return LetterNotFound(request->name());
        ToProto(*l, today, response);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::UpdateProblem(grpc::ServerContext* ctx,
                                    const v1::UpdateProblemRequest* request, v1::Letter* response) {
  return gate_->Serve(
      ctx, ClueMethod("UpdateProblem"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "letters", "name"));
        absl::CivilDay today = TodayInChina();
        absl::CivilDay on = today;
        if (!request->on().empty()) {
          ASSIGN_OR_RETURN(on, ParseDate(request->on(), "on"));
        }
        Actor actor = ActorOf(call.principal);
        ASSIGN_OR_RETURN(std::optional<Letter> l,
                         letters_->Update(
                             code, ViewerOf(call.principal),
                             [&](Letter& letter) -> absl::Status {
                               RETURN_IF_ERROR(CheckEtag(request->etag(), letter.version));
                               RETURN_IF_ERROR(CheckIssuer(actor, letter.issuer));
                               for (LetterProblem& p : letter.problems) {
                                 if (p.seq != request->seq()) continue;
                                 return AdvanceProblem(p, request->state(), on, request->evidence(),
                                                       letter, today);
                               }
                               return InvalidArgument(
                                   "seq", "PROBLEM_NOT_FOUND",
                                   absl::StrCat("seq: the letter has no problem ", request->seq()));
                             },
                             call.deadline));
        if (!l) return LetterNotFound(request->name());
        ToProto(*l, today, response);
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
