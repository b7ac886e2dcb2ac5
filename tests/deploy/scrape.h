#pragma once
// Reads a process's Prometheus metrics (GET /metrics on 127.0.0.1), as a scraper would.

#include <string>
#include <vector>

namespace paizhu::testing {

// The text exposition, or "" when nothing answers.
std::string ScrapeMetrics(int port);

// The value of the sample whose name is `name` and whose labels include every
// `key="value"` in `labels` (e.g. {"code=\"OK\""}); -1 when there is none.
double SampleValue(const std::string& text, const std::string& name,
                   const std::vector<std::string>& labels = {});

}  // namespace paizhu::testing
