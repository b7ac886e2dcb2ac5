#pragma once
// The life of a clue and its case as a table of steps (DOMAIN.md, Clue workflow): the
// state each step starts from, where it leads, and who decides what waits for approval.
//
//   registered -assign-> assigned -review-> under_review -propose-> disposal_proposed
//   disposal_proposed -approve-> inquiry | verification | pending | closed
//                     -reject->  under_review
//   inquiry      -(approved conclusion)-> cleared | first_form | closed | verification
//   verification -(approved report)->     filing_approved | first_form | closed | transferred
//   pending -reopen-> under_review;  filing_approved -file-> filed (a case begins)
//   case: investigation -transfer-> trial -decide-> decided -archive-> archived
//         trial -return-> investigation; one approved extension in each of the two.
// Appeals (复审, 复核) will start from `decided` and `archived`.

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace paizhu::clue {

inline constexpr char kReasonIllegalTransition[] = "ILLEGAL_TRANSITION";
inline constexpr char kReasonProposalPending[] = "PROPOSAL_PENDING";
inline constexpr char kReasonProposalDecided[] = "PROPOSAL_ALREADY_DECIDED";
inline constexpr char kReasonOwnProposal[] = "OWN_PROPOSAL";
inline constexpr char kReasonNotApprover[] = "NOT_THE_APPROVER";
inline constexpr char kReasonRecused[] = "RECUSED";
inline constexpr char kReasonExtensionUsed[] = "EXTENSION_ALREADY_USED";

// A decision waiting for its approver.
struct Proposal {
  int64_t id = 0;
  std::string kind;   // disposal, inquiry_conclusion, verification_report, extension
  std::string value;  // the disposal, the result, or the extension's days
  std::string note;
  std::string proposed_by;  // person code
  absl::CivilDay proposed_on;
};

// FAILED_PRECONDITION / ILLEGAL_TRANSITION naming the state unless `step` may start
// from `state`. Steps: assign, review, propose_disposal, conclude_inquiry,
// report_verification, reopen, file_case, record_outcomes; case steps (on the case's
// state): request_extension, transfer_to_trial, return_for_investigation, decide, archive.
absl::Status CheckStep(absl::string_view step, absl::string_view state);

bool IsDisposal(absl::string_view value);            // inquiry, verification, pending, closed
bool IsInquiryResult(absl::string_view value);       // cleared, first_form, closed, escalate
bool IsVerificationResult(absl::string_view value);  // file_case, first_form, closed, transfer

// The clue state an approved clue proposal leads to.
std::string StateAfterApproval(const Proposal& proposal);
// How the clue ended once the approved proposal is carried out ("" while it goes on).
std::string ResultAfterApproval(const Proposal& proposal);

// Who decides a proposal: the rule names a role and the unit it must hold it in, or a
// post in a unit (rules v1, per kind of proposal).
struct Approver {
  std::string role;  // group, office, township, commission_leader
  std::string post;  // leader (groups), or empty
  std::string unit;  // unit code ("" for commission_leader)
  std::string Describe() const;
};

// What the caller holds, from the principal the gateway resolved.
struct Actor {
  std::string person;                                   // code
  std::set<std::pair<std::string, std::string>> roles;  // (role, unit code)
  std::set<std::pair<std::string, std::string>> posts;  // (unit code, post)
};

struct HandlingUnit {
  std::string code;
  std::string kind;            // group, township, supervision_office, office
  std::string guiding_office;  // groups: the office that guides them
  bool leader_vacant = false;  // groups: nobody holds the leader post (the deputy acts)
};

// Who works a clue and its case: the handling unit's people (a group, office or
// township role in it), the handlers it named, and the case-management office;
// others who may see the clue only read (PERMISSION_DENIED / NOT_HANDLING_UNIT).
absl::Status CheckActsOn(const Actor& actor, const std::string& handling_unit,
                         const std::vector<std::string>& handlers);

// Rules v1: a disposal and an inquiry's conclusion are decided by the handling unit's
// head (a group's leader, or its deputy as acting leader while the leader post is vacant;
// a role in the office or township); a verification report and any extension by a
// commission leader. A recused clue (it names a leader of a unit the handling group
// supervises) goes to the group's guiding office instead of its leader.
Approver ApproverFor(const std::string& proposal_kind, const HandlingUnit& unit, bool recusal);
bool MayApprove(const Approver& approver, const Actor& actor);
// The group leader of the handling group is recused from a recusal clue: no proposal, no
// decision (PERMISSION_DENIED / RECUSED).
absl::Status CheckNotRecused(const Actor& actor, const HandlingUnit& unit, bool recusal);
// The whole decision check: not the proposer, not recused, the rule's approver.
absl::Status CheckMayDecide(const Proposal& proposal, const Actor& actor, const HandlingUnit& unit,
                            bool recusal);

}  // namespace paizhu::clue
