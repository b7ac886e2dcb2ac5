#pragma once
// The gateway's refusals an operator watches, as Prometheus counters (deploy/README.md);
// the calls themselves are counted by method and code in every case.

#include "common/metrics/metrics.h"

namespace paizhu::gateway {

metrics::Counter& AuthFailures();         // UNAUTHENTICATED: token, certificate or person
metrics::Counter& RateLimited();          // RATE_LIMITED: a principal's token bucket
metrics::Counter& ConcurrencyRefusals();  // TOO_MANY_CALLS: --max-concurrent-calls

}  // namespace paizhu::gateway
