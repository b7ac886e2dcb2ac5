#pragma once
// Process-wide settings for a process that serves (or drives) many calls, applied once
// before the first call by every Runner:
// - Abseil's mutex deadlock detection off: Debian builds Abseil without NDEBUG, so the
//   check is on by default and every absl::Mutex that gRPC takes walks one global lock
//   graph (seen in profiles of the gateway as GraphCycles::GetId);
// - glibc's heap trimming raised: otherwise freeing the top of a thread's arena hands
//   the pages back (madvise, with a TLB shootdown on every core) and the next call
//   faults them in again.
// Neither changes what a program does, only what its locks and frees cost.

namespace paizhu::server {

void TuneProcessForServing();

}  // namespace paizhu::server
