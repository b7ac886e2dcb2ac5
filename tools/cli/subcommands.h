#pragma once
// Commands implemented outside commands.cc, each `int (const Invocation&, const Session&, Io)`.

#include "tools/cli/command_support.h"

namespace paizhu::cli {

// ledger_commands.cc: paizhu import KIND FILE [--partial] [--check] [--json];
// paizhu export KIND [-o FILE].
int ImportLedger(const Invocation& in, const Session& session, Io io);
int ExportLedger(const Invocation& in, const Session& session, Io io);

}  // namespace paizhu::cli
