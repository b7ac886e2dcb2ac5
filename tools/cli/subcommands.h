#pragma once
// Commands implemented outside commands.cc, each `int (const Invocation&, const Session&, Io)`.

#include "tools/cli/command_support.h"

namespace paizhu::cli {

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
