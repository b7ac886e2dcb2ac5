#include "services/gateway/api/refusals.h"

namespace paizhu::gateway {
namespace {

// Made at start, so they read 0 rather than missing until the first refusal.
metrics::Counter auth_failures("paizhu_gateway_auth_failures_total",
                               "calls refused as unauthenticated (token, certificate or person)");
metrics::Counter rate_limited("paizhu_gateway_rate_limited_total",
                              "calls refused by a principal's rate limit");
metrics::Counter concurrency_refusals("paizhu_gateway_concurrency_refusals_total",
                                      "calls refused at --max-concurrent-calls");

}  // namespace

metrics::Counter& AuthFailures() { return auth_failures; }
metrics::Counter& RateLimited() { return rate_limited; }
metrics::Counter& ConcurrencyRefusals() { return concurrency_refusals; }

}  // namespace paizhu::gateway
