#pragma once
// What every paizhu command shares: the parsed command line, the gateway session, output
// streams, and the helpers that print errors and JSON and turn codes into names.

#include <initializer_list>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/status/grpc_status.h"
#include "google/protobuf/message.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "nlohmann/json.hpp"
#include "tools/cli/commands.h"
#include "tools/cli/table.h"

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

// One call through the gateway: `rpc` of a new stub on the session's channel with `request`.
// A failed call prints its status, reason and field (exit 1); an answer goes to `print`,
// which prints it and returns the exit status.
template <typename Stub, typename Request, typename Response, typename Print>
int CallAndPrint(const Session& session, Io io,
                 grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, Response*),
                 const Request& request, Print print, absl::Duration timeout = kCallTimeout) {
  Stub stub(session.channel);
  Response response;
  grpc::Status status = (stub.*rpc)(NewCall(session, timeout).get(), request, &response);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return print(response);
}

// A list answer: with --json one document {key: [item, ...]}, else a table of `header` with
// one row per item, `row(item)`.
template <typename Items, typename Row>
int PrintList(const Invocation& in, Io io, const std::string& key, const Items& items,
              std::vector<std::string> header, Row row) {
  if (in.Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : items) list.push_back(ToJson(item));
    PrintJson(io.out, {{key, list}});
    return kExitOk;
  }
  Table table(std::move(header));
  for (const auto& item : items) table.AddRow(row(item));
  io.out << table.Render();
  return kExitOk;
}

// The usage error naming the first of `flags` not given, else kExitOk.
int RequireFlags(const Invocation& in, Io io, const std::string& command,
                 std::initializer_list<const char*> flags);

// --page-size N into *size (left as it is when the flag is not given); the usage error
// naming `command` unless N is a whole number from 1.
int PageSizeFlag(const Invocation& in, Io io, const std::string& command, int32_t* size);
// After a page that has a next one, the line saying how to ask for it; nothing otherwise.
void PrintNextPage(std::ostream& out, const std::string& next_page_token);

// The etag an update sends: --etag as given, else the resource's current one, read with
// `get` (so an update just works, and guards against changes only when asked to). A failed
// read prints its error and returns kExitFailed.
template <typename Stub, typename Request, typename Resource>
int EtagOrCurrent(const Invocation& in, const Session& session, Io io,
                  grpc::Status (Stub::*get)(grpc::ClientContext*, const Request&, Resource*),
                  const std::string& name, std::string* etag) {
  if (in.Has("etag")) {
    *etag = in.Get("etag");
    return kExitOk;
  }
  Stub stub(session.channel);
  Request request;
  request.set_name(name);
  Resource current;
  grpc::Status status = (stub.*get)(NewCall(session).get(), request, &current);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  *etag = current.etag();
  return kExitOk;
}

// Today in China (the services' today), YYYY-MM-DD.
std::string Today();
// The flag's date, or today in China (the services' today) when it is not given.
std::string DateOrToday(const Invocation& in, const std::string& flag);
// --from and --to, each by default the first or last day of this year.
std::pair<std::string, std::string> PeriodOrThisYear(const Invocation& in);

// "units/G01" -> "G01"; other text unchanged.
std::string Code(absl::string_view name, absl::string_view collection);
// "G01" or "units/G01" -> "units/G01".
std::string Name(const std::string& code, absl::string_view collection);

}  // namespace paizhu::cli
