#pragma once
// What every paizhu command shares: the parsed command line, the gateway session, output
// streams, and the helpers that print errors and JSON and turn codes into names.

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "nlohmann/json.hpp"

namespace paizhu::cli {

struct Invocation {
  std::vector<std::string> words;  // command words and positional arguments
  std::map<std::string, std::string> flags;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::string Get(const std::string& flag) const {
    auto it = flags.find(flag);
    return it == flags.end() ? "" : it->second;
  }
};

// What a command needs to call the gateway.
struct Session {
  std::string state_dir;
  std::string address;
  std::string token;
  std::shared_ptr<grpc::Channel> channel;
};

struct Io {
  std::ostream& out;
  std::ostream& err;
};

inline constexpr absl::Duration kCallTimeout = absl::Seconds(10);
// Imports and exports move up to 20,000 rows in one call.
inline constexpr absl::Duration kBulkCallTimeout = absl::Seconds(120);

std::string Usage();

// Prints the message and the usage; returns kExitUsage.
int UsageError(std::ostream& err, const std::string& message);
// Prints the status, its reason and field; returns kExitFailed.
int Fail(std::ostream& err, const absl::Status& status);

// A call to the gateway with the session's token, a request id and a deadline.
std::unique_ptr<grpc::ClientContext> NewCall(const Session& session,
                                             absl::Duration timeout = kCallTimeout);
std::string NewRequestId();

// The message as JSON with the proto field names (snake_case), every field printed.
nlohmann::json ToJson(const google::protobuf::Message& message);
void PrintJson(std::ostream& out, const nlohmann::json& json);

// "units/G01" -> "G01"; other text unchanged.
std::string Code(absl::string_view name, absl::string_view collection);
// "G01" or "units/G01" -> "units/G01".
std::string Name(const std::string& code, absl::string_view collection);

}  // namespace paizhu::cli
