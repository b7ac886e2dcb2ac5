// A clue's joint-case rows (participants with their handlers, tasks): read with the clue,
// written from the clue as a step left it, under the clue's row lock.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/macros.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"

namespace paizhu::clue::rows {

absl::Status ReadJoint(sql::Transaction& tx, Clue& c) {
  ASSIGN_OR_RETURN(sql::Rows p, tx.Query("SELECT unit_code, state, added_by, added_on, note, "
                                         "decided_by, decided_on, decision_note "
                                         "FROM clue_participants WHERE clue_id = ? ORDER BY id",
                                         {c.id}));
  c.participants.clear();
  for (size_t r = 0; r < p.size(); ++r) {
    Participant x;
    x.unit_code = p.Str(r, 0);
    x.state = p.Str(r, 1);
    x.added_by = p.Str(r, 2);
    x.added_on = OptDate(p, r, 3).value_or(absl::CivilDay());
    x.note = p.Str(r, 4);
    x.decided_by = p.Str(r, 5);
    x.decided_on = OptDate(p, r, 6);
    x.decision_note = p.IsNull(r, 7) ? "" : p.Str(r, 7);
    c.participants.push_back(std::move(x));
  }
  if (!c.participants.empty()) {
    ASSIGN_OR_RETURN(sql::Rows h,
                     tx.Query("SELECT p.unit_code, h.person_code FROM clue_participant_handlers h "
                              "JOIN clue_participants p ON p.id = h.participant_id "
                              "WHERE p.clue_id = ? ORDER BY p.id, h.person_code",
                              {c.id}));
    for (size_t r = 0; r < h.size(); ++r) {
      if (Participant* x = FindParticipant(c.participants, h.Str(r, 0))) {
        x->handler_codes.push_back(h.Str(r, 1));
      }
    }
  }
  ASSIGN_OR_RETURN(sql::Rows t,
                   tx.Query("SELECT id, unit_code, title, state, due_on, assigned_by, assigned_on, "
                            "accepted_by, completed_by, completed_on, note FROM clue_tasks "
                            "WHERE clue_id = ? ORDER BY id",
                            {c.id}));
  c.tasks.clear();
  for (size_t r = 0; r < t.size(); ++r) {
    JointTask x;
    x.id = t.Int(r, 0);
    x.unit_code = t.Str(r, 1);
    x.title = t.Str(r, 2);
    x.state = t.Str(r, 3);
    x.due_on = OptDate(t, r, 4);
    x.assigned_by = t.Str(r, 5);
    x.assigned_on = OptDate(t, r, 6).value_or(absl::CivilDay());
    x.accepted_by = t.Str(r, 7);
    x.completed_by = t.Str(r, 8);
    x.completed_on = OptDate(t, r, 9);
    x.note = t.IsNull(r, 10) ? "" : t.Str(r, 10);
    c.tasks.push_back(std::move(x));
  }
  return absl::OkStatus();
}

absl::Status WriteParticipant(sql::Transaction& tx, int64_t clue_id, const Participant& p) {
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO clue_participants (clue_id, unit_code, state, added_by, added_on, "
              "note, decided_by, decided_on, decision_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "ON DUPLICATE KEY UPDATE state = VALUES(state), added_by = VALUES(added_by), "
              "added_on = VALUES(added_on), note = VALUES(note), decided_by = "
              "VALUES(decided_by), decided_on = VALUES(decided_on), decision_note = "
              "VALUES(decision_note)",
              {clue_id, p.unit_code, p.state, p.added_by, FormatDate(p.added_on), p.note,
               p.decided_by, DateParam(p.decided_on), p.decision_note})
          .status());
  ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT id FROM clue_participants WHERE clue_id = ? "
                                          "AND unit_code = ?",
                                          {clue_id, p.unit_code}));
  int64_t participant_id = id.Int(0, 0);
  RETURN_IF_ERROR(
      tx.Exec("DELETE FROM clue_participant_handlers WHERE participant_id = ?", {participant_id})
          .status());
  for (const std::string& person : p.handler_codes) {
    RETURN_IF_ERROR(tx.Exec("INSERT IGNORE INTO clue_participant_handlers (participant_id, "
                            "person_code) VALUES (?, ?)",
                            {participant_id, person})
                        .status());
  }
  return absl::OkStatus();
}

absl::Status WriteTasks(sql::Transaction& tx, Clue& c) {
  for (JointTask& t : c.tasks) {
    if (t.id != 0) {
      RETURN_IF_ERROR(tx.Exec("UPDATE clue_tasks SET state = ?, accepted_by = ?, completed_by = "
                              "?, completed_on = ?, note = ? WHERE id = ? AND clue_id = ?",
                              {t.state, t.accepted_by, t.completed_by, DateParam(t.completed_on),
                               t.note, t.id, c.id})
                          .status());
      continue;
    }
    RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_tasks (clue_id, unit_code, title, state, due_on, "
                            "assigned_by, assigned_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            {c.id, t.unit_code, t.title, t.state, DateParam(t.due_on),
                             t.assigned_by, FormatDate(t.assigned_on), t.note})
                        .status());
    ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
    t.id = id.Int(0, 0);
  }
  return absl::OkStatus();
}

std::string ParticipantVisibilitySql(const Viewer& viewer, const std::string& prefix,
                                     sql::Params& params) {
  if (viewer.person.empty() && viewer.leads.empty()) return "";
  std::vector<std::string> who;
  if (!viewer.leads.empty()) {
    std::string marks = absl::StrJoin(std::vector<std::string>(viewer.leads.size(), "?"), ", ");
    who.push_back(absl::StrCat("jp.unit_code IN (", marks, ")"));
    for (const std::string& unit : viewer.leads) params.push_back(unit);
  }
  if (!viewer.person.empty()) {
    who.push_back(
        "EXISTS (SELECT 1 FROM clue_participant_handlers jh WHERE jh.participant_id = jp.id "
        "AND jh.person_code = ?)");
    params.push_back(viewer.person);
  }
  return absl::StrCat("EXISTS (SELECT 1 FROM clue_participants jp WHERE jp.clue_id = ",
                      prefix.empty() ? "clues." : prefix, "id AND jp.state = 'active' AND (",
                      absl::StrJoin(who, " OR "), "))");
}

}  // namespace paizhu::clue::rows
