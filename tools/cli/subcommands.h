#pragma once
// Commands implemented outside commands.cc, each `int (const Invocation&, const Session&, Io)`.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "tools/cli/command_support.h"

namespace paizhu::cli {

// One command: its words, how many positional arguments follow them, and its flags.
struct Command {
  std::vector<std::string> path;  // e.g. {"units", "list"}
  int arguments;                  // positional arguments after the path
  std::set<std::string> flags;    // besides the global ones
  bool calls_gateway;
  std::function<int(const Invocation&, const Session&, Io)> run;
  // Those of its flags that take a value (the commands in commands.cc list theirs in
  // its kValueFlags instead).
  std::set<std::string> value_flags = {};
};

// The commands of one resource, kept in the resource's file, with their lines of usage.
// commands.cc lists each group once.
struct CommandGroup {
  std::vector<Command> commands;
  std::string usage;
};

// clue_commands.cc: clues conclude|report|reopen|outcomes (the steps after a disposal).
CommandGroup ClueStepCommands();
// case_commands.cc: cases file|show|extend|to-trial|return|decide|archive.
CommandGroup CaseCommands();
// deadline_commands.cc: deadlines list|explain.
CommandGroup DeadlineCommands();
// letter_commands.cc: letters issue|show|list|reply|problem.
CommandGroup LetterCommands();
// assess_commands.cc: assess run create|show|recompute|finalise|export, assess
// adjust|sheet|explain.
CommandGroup AssessCommands();
// monthly_report_commands.cc: monthly-reports submit|status.
CommandGroup MonthlyReportCommands();
// joint_commands.cc: joint cases (室组地): clues join-request send|list|accept|decline,
// clues participants list|add|remove|approve|reject, clues tasks list|assign|accept|complete.
CommandGroup JointCommands();

// assess_record_commands.cc: risks record|review|list, campaigns create|follow-up|show|list,
// files record|checklist, activities record|list, meetings record|list.
CommandGroup AssessRecordCommands();
// integrity_commands.cc: integrity files create|show|list, integrity entries add, integrity
// opinion, rules list|set.
CommandGroup IntegrityCommands();
// org_commands.cc: people assign-post|end-post|training, units assign-supervision.
CommandGroup OrgCommands();
// zone_commands.cc: zones create|show|list|update|add-member|end-member|change-office,
// liaisons assign|end.
CommandGroup ZoneCommands();
// clue_admin_commands.cc: clues timeline|stats, deadlines compute, calendar load, audit
// verify|checkpoint|verify-checkpoints.
CommandGroup ClueAdminCommands();
// org_admin_commands.cc: units create|update|delete|set-quota|end-supervision|accountability,
// people create|update|list|grant-role|vetting|transfer-talk|mentoring|accountability,
// accountability list.
CommandGroup OrgAdminCommands();
// scheme_commands.cc: metrics list, schemes validate|create|show|list, assess run list,
// monthly-reports due-day.
CommandGroup SchemeCommands();

// ledger_commands.cc: paizhu import KIND FILE [--partial] [--check] [--json];
// paizhu export KIND [-o FILE].
int ImportLedger(const Invocation& in, const Session& session, Io io);
int ExportLedger(const Invocation& in, const Session& session, Io io);

// clue_commands.cc: paizhu clues register|list|show.
int CluesRegister(const Invocation& in, const Session& session, Io io);
int CluesList(const Invocation& in, const Session& session, Io io);
int CluesShow(const Invocation& in, const Session& session, Io io);
// clues assign|review|propose NUMBER ..., clues approve|reject NUMBER [--proposal ID].
int CluesAssign(const Invocation& in, const Session& session, Io io);
int CluesReview(const Invocation& in, const Session& session, Io io);
int CluesPropose(const Invocation& in, const Session& session, Io io);
int CluesDecide(const Invocation& in, const Session& session, Io io);

// report_commands.cc: paizhu report work --from D --to D --as-of D [--json].
int ReportWork(const Invocation& in, const Session& session, Io io);

}  // namespace paizhu::cli
