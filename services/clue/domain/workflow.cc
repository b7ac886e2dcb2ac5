#include "services/clue/domain/workflow.h"

#include <initializer_list>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/status.h"

namespace paizhu::clue {
namespace {

struct StepRule {
  const char* step;
  std::initializer_list<const char*> from;
};

// Where each step may start. A pending proposal blocks new ones (checked separately).
constexpr StepRule kSteps[] = {
    {"assign", {"registered"}},
    {"review", {"assigned"}},
    {"propose_disposal", {"under_review"}},
    {"conclude_inquiry", {"inquiry"}},
    {"report_verification", {"verification"}},
    {"reopen", {"pending"}},
    {"file_case", {"filing_approved"}},
    {"record_outcomes", {"first_form"}},
    // Case steps, on the case's state.
    {"request_extension", {"investigation", "trial"}},
    {"transfer_to_trial", {"investigation"}},
    {"return_for_investigation", {"trial"}},
    {"decide", {"trial"}},
    {"archive", {"decided"}},
};

bool OneOf(absl::string_view v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) return true;
  }
  return false;
}

}  // namespace

absl::Status CheckStep(absl::string_view step, absl::string_view state) {
  for (const StepRule& rule : kSteps) {
    if (step != rule.step) continue;
    if (OneOf(state, rule.from)) return absl::OkStatus();
    return FailedPrecondition(kReasonIllegalTransition,
                              absl::StrCat(step, " is not allowed in state ", state, " (only from ",
                                           absl::StrJoin(rule.from, ", "), ")"));
  }
  return Internal("UNKNOWN_STEP", absl::StrCat("no rule for step ", step));
}

bool IsDisposal(absl::string_view v) {
  return OneOf(v, {"inquiry", "verification", "pending", "closed"});
}
bool IsInquiryResult(absl::string_view v) {
  return OneOf(v, {"cleared", "first_form", "closed", "escalate"});
}
bool IsVerificationResult(absl::string_view v) {
  return OneOf(v, {"file_case", "first_form", "closed", "transfer"});
}

std::string StateAfterApproval(const Proposal& p) {
  if (p.kind == "disposal") return p.value;
  if (p.kind == "inquiry_conclusion") return p.value == "escalate" ? "verification" : p.value;
  if (p.kind == "verification_report") {
    if (p.value == "file_case") return "filing_approved";
    if (p.value == "transfer") return "transferred";
    return p.value;
  }
  return "";  // an extension changes the case's due date, not the clue's state
}

std::string ResultAfterApproval(const Proposal& p) {
  std::string state = StateAfterApproval(p);
  if (OneOf(state, {"cleared", "first_form", "closed", "transferred"})) {
    return state == "transferred" ? "transfer" : state;
  }
  return "";
}

std::string Approver::Describe() const {
  if (role == "commission_leader") return "a commission leader";
  if (post == "deputy") return absl::StrCat("the deputy of units/", unit, " (acting leader)");
  if (!post.empty()) return absl::StrCat("the ", post, " of units/", unit);
  return absl::StrCat("role ", role, " in units/", unit);
}

absl::Status CheckActsOn(const Actor& actor, const std::string& handling_unit,
                         const std::vector<std::string>& handlers) {
  for (const auto& [role, unit] : actor.roles) {
    if (role == "case_manager") return absl::OkStatus();
    if (unit == handling_unit && (role == "group" || role == "office" || role == "township")) {
      return absl::OkStatus();
    }
  }
  for (const std::string& h : handlers) {
    if (h == actor.person) return absl::OkStatus();
  }
  return PermissionDenied("NOT_HANDLING_UNIT",
                          "only the handling unit's people and case management act on this clue "
                          "and its case");
}

Approver ApproverFor(const std::string& proposal_kind, const HandlingUnit& unit, bool recusal) {
  if (proposal_kind == "verification_report" || proposal_kind == "extension") {
    return {"commission_leader", "", ""};
  }
  if (unit.kind == "group") {
    // The report's worry: a leader on the host's party committee plays problems down.
    if (recusal) return {"office", "", unit.guiding_office};
    // 主持工作: while the leader post is vacant the deputy acts as leader.
    if (unit.leader_vacant) return {"group", "deputy", unit.code};
    return {"group", "leader", unit.code};
  }
  if (unit.kind == "township") return {"township", "", unit.code};
  return {"office", "", unit.code};
}

bool MayApprove(const Approver& approver, const Actor& actor) {
  if (approver.role == "commission_leader") {
    for (const auto& [role, unit] : actor.roles) {
      if (role == "commission_leader") return true;
    }
    return false;
  }
  if (approver.unit.empty()) return false;
  if (!actor.roles.count({approver.role, approver.unit})) return false;
  return approver.post.empty() || actor.posts.count({approver.unit, approver.post}) > 0;
}

absl::Status CheckNotRecused(const Actor& actor, const HandlingUnit& unit, bool recusal) {
  if (recusal && unit.kind == "group" && actor.posts.count({unit.code, "leader"})) {
    return PermissionDenied(kReasonRecused,
                            "the group leader is recused from a clue about the leadership of a "
                            "unit the group supervises; the guiding office decides");
  }
  return absl::OkStatus();
}

absl::Status CheckMayDecide(const Proposal& proposal, const Actor& actor, const HandlingUnit& unit,
                            bool recusal) {
  if (proposal.proposed_by == actor.person) {
    return PermissionDenied(kReasonOwnProposal, "the proposer cannot decide their own proposal");
  }
  if (proposal.kind != "verification_report" && proposal.kind != "extension") {
    if (absl::Status s = CheckNotRecused(actor, unit, recusal); !s.ok()) return s;
  }
  Approver approver = ApproverFor(proposal.kind, unit, recusal);
  if (!MayApprove(approver, actor)) {
    return PermissionDenied(kReasonNotApprover,
                            absl::StrCat("this proposal is decided by ", approver.Describe()));
  }
  return absl::OkStatus();
}

}  // namespace paizhu::clue
