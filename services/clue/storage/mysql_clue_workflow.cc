// MysqlClueRepository's workflow half: one step of a clue's life per transaction, under
// the clue's row lock, audited last.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"
#include "services/clue/storage/mysql_clue_repository.h"

namespace paizhu::clue {
namespace {

DurationUnit UnitFromText(const std::string& text) {
  if (text == "working_days") return DurationUnit::kWorkingDays;
  if (text == "calendar_days") return DurationUnit::kCalendarDays;
  if (text == "months") return DurationUnit::kMonths;
  return DurationUnit::kUnspecified;
}

absl::Status StoreEffects(sql::Transaction& tx, Clue& clue, StepEffects& effects) {
  if (effects.decision) {
    const StepEffects::Decision& d = *effects.decision;
    ASSIGN_OR_RETURN(int64_t changed,
                     tx.Exec("UPDATE clue_proposals SET decision = ?, decided_by = ?, "
                             "decided_on = ?, decision_note = ? WHERE id = ? AND decision = ''",
                             {std::string(d.approved ? "approved" : "rejected"), d.by,
                              FormatDate(d.on), d.note, d.proposal_id}));
    if (changed != 1) {
      return Aborted(kReasonProposalDecided, "the proposal was decided meanwhile");
    }
  }
  if (effects.new_proposal) {
    Proposal& p = *effects.new_proposal;
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO clue_proposals (clue_id, kind, value, note, proposed_by, "
                "proposed_on) VALUES (?, ?, ?, ?, ?, ?)",
                {clue.id, p.kind, p.value, p.note, p.proposed_by, FormatDate(p.proposed_on)})
            .status());
    ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
    p.id = id.Int(0, 0);
    clue.proposal = p;
  }
  if (effects.new_review) {
    const Review& r = *effects.new_review;
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO clue_reviews (clue_id, held_on, attendees, summary) "
                "VALUES (?, ?, ?, ?)",
                {clue.id, FormatDate(r.held_on), absl::StrJoin(r.attendee_codes, ";"), r.summary})
            .status());
    clue.reviews.push_back(r);
  }
  for (const Outcome& o : effects.new_outcomes) {
    std::optional<absl::CivilDay> until = EffectUntil(o);
    RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_outcomes (clue_id, subject_name, outcome, detail, "
                            "months, decided_on, form, mapping, effect_until) VALUES (?, ?, ?, ?, "
                            "?, ?, ?, ?, ?)",
                            {clue.id, o.subject_name, o.outcome, o.detail, int64_t{o.months},
                             FormatDate(o.decided_on), FourFormsClass(o.outcome),
                             std::string(kFourFormsMappingVersion), rows::DateParam(until)})
                        .status());
    clue.outcomes.push_back(o);
  }
  for (const std::string& unit : effects.participants_written) {
    Participant* p = FindParticipant(clue.participants, unit);
    if (!p) return Internal("PARTICIPANT_MISSING", absl::StrCat("no participant ", unit));
    RETURN_IF_ERROR(rows::WriteParticipant(tx, clue.id, *p));
  }
  if (effects.tasks_written) RETURN_IF_ERROR(rows::WriteTasks(tx, clue));
  return absl::OkStatus();
}

// Inserts the new case; its filing number (a hot counter row) is taken last.
absl::Status InsertCase(sql::Transaction& tx, Clue& clue) {
  CaseFile& f = *clue.case_file;
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO cases (number, clue_id, filed_on, state, due_on, due_rule, "
              "due_rule_version, due_start, due_provisional) VALUES (CONCAT('pending-', ?), ?, ?, "
              "?, ?, ?, ?, ?, ?)",
              {clue.id, clue.id, FormatDate(f.filed_on), f.state, rows::DateParam(f.due.on),
               f.due.rule, int64_t{f.due.rule_version}, rows::DateParam(f.due.start),
               int64_t{f.due.provisional}})
          .status());
  ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
  f.id = id.Int(0, 0);
  int64_t year = f.filed_on.year();
  RETURN_IF_ERROR(tx.Exec("INSERT INTO case_counters (year, last) VALUES (?, 1) "
                          "ON DUPLICATE KEY UPDATE last = last + 1",
                          {year})
                      .status());
  ASSIGN_OR_RETURN(sql::Rows last,
                   tx.Query("SELECT last FROM case_counters WHERE year = ?", {year}));
  f.number = CaseNumber(static_cast<int>(year), last.Int(0, 0));
  return tx.Exec("UPDATE cases SET number = ? WHERE id = ?", {f.number, f.id}).status();
}

}  // namespace

absl::StatusOr<std::optional<Clue>> MysqlClueRepository::ApplyStep(
    const std::string& number, const Viewer& viewer, const std::string& action,
    const ClueStep& step, const sql::RequestKey* key, absl::Time deadline) {
  std::optional<Clue> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.reset();
        if (key) {
          ASSIGN_OR_RETURN(std::optional<std::string> earlier, key->Claim(tx));
          if (earlier) {
            ASSIGN_OR_RETURN(out, rows::ReadClue(tx, *earlier, false));
            return absl::OkStatus();
          }
        }
        ASSIGN_OR_RETURN(std::optional<Clue> clue, rows::ReadClue(tx, number, true));
        if (!clue || !rows::Visible(viewer, *clue)) {
          return absl::OkStatus();  // exactly as if it did not exist
        }
        std::string before = rows::Digest(*clue);
        Clue prior = *clue;  // for the timeline's changed facts
        StepEffects effects;
        RETURN_IF_ERROR(step(*clue, effects));
        RETURN_IF_ERROR(StoreEffects(tx, *clue, effects));
        if (effects.decision) clue->proposal.reset();
        if (effects.file_case) RETURN_IF_ERROR(InsertCase(tx, *clue));
        RETURN_IF_ERROR(rows::WriteWorkflow(tx, *clue));
        if (key) RETURN_IF_ERROR(key->Complete(tx, clue->number));
        std::string after = rows::Digest(*clue);
        AuditNote note{ActingUnit(viewer, *clue), ChangedFacts(&prior, *clue)};
        RETURN_IF_ERROR(rows::AppendAudit(tx, audit_key_, clue->id,
                                          AuditEntry{0, 0, viewer.actor, action, before, after, ""},
                                          &note));
        out = std::move(clue);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<std::string>> MysqlClueRepository::HandlingUnitOf(
    const std::string& number, absl::Time deadline) {
  std::optional<std::string> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query("SELECT handling_unit_code FROM clues "
                                                  "WHERE number = ?",
                                                  {number}));
        out.reset();
        if (!rows.empty()) out = rows.Str(0, 0);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<std::string>> MysqlClueRepository::ClueOfCase(
    const std::string& case_number, absl::Time deadline) {
  std::optional<std::string> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT c.number FROM cases k JOIN clues c ON c.id = k.clue_id "
                                  "WHERE k.number = ?",
                                  {case_number}));
        out.reset();
        if (!rows.empty()) out = rows.Str(0, 0);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<DeadlineRule>> MysqlClueRepository::DeadlineRules(absl::Time deadline) {
  // Rules change only by migration, but any replica may run that one: every row counts.
  constexpr char kVersion[] =
      "SELECT COUNT(*), COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', name, version, amount, unit, "
      "effective_from))), 0) FROM deadline_rules";
  auto version_of = [](const sql::Rows& v) { return absl::StrCat(v.Str(0, 0), "|", v.Str(0, 1)); };
  ASSIGN_OR_RETURN(sql::Rows now, sql::QueryAlone(*pool_, deadline, kVersion));
  {
    std::lock_guard lock(rules_mu_);
    if (rules_ && rules_version_ == version_of(now)) return *rules_;
  }
  std::vector<DeadlineRule> out;
  std::string version;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows v, tx.Query(kVersion));
        version = version_of(v);
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query("SELECT name, version, amount, unit, "
                                                  "effective_from FROM deadline_rules"));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) {
          out.push_back({rows.Str(r, 0), static_cast<int>(rows.Int(r, 1)),
                         static_cast<int>(rows.Int(r, 2)), UnitFromText(rows.Str(r, 3)),
                         rows::OptDate(rows, r, 4).value_or(absl::CivilDay(2000, 1, 1))});
        }
        return absl::OkStatus();
      }));
  std::lock_guard lock(rules_mu_);
  rules_version_ = version;
  rules_ = out;
  return out;
}

}  // namespace paizhu::clue
