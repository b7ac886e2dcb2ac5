#include "services/gateway/api/http_gateway.h"

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <future>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/metrics/metrics.h"
#include "common/server/call.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "nlohmann/json.hpp"
#include "services/gateway/api/json_body.h"
#include "services/gateway/api/refusals.h"
#include "services/gateway/domain/audit.h"

namespace paizhu::gateway {
namespace {

using Json = nlohmann::json;
namespace pb = google::protobuf;

// Connect's names for the gRPC codes, and the HTTP status each travels with.
struct ConnectCode {
  const char* name;
  int http_status;
};
ConnectCode ConnectCodeOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::CANCELLED:
      return {"canceled", 499};
    case grpc::StatusCode::INVALID_ARGUMENT:
      return {"invalid_argument", 400};
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return {"deadline_exceeded", 504};
    case grpc::StatusCode::NOT_FOUND:
      return {"not_found", 404};
    case grpc::StatusCode::ALREADY_EXISTS:
      return {"already_exists", 409};
    case grpc::StatusCode::PERMISSION_DENIED:
      return {"permission_denied", 403};
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return {"resource_exhausted", 429};
    case grpc::StatusCode::FAILED_PRECONDITION:
      return {"failed_precondition", 400};
    case grpc::StatusCode::ABORTED:
      return {"aborted", 409};
    case grpc::StatusCode::OUT_OF_RANGE:
      return {"out_of_range", 400};
    case grpc::StatusCode::UNIMPLEMENTED:
      return {"unimplemented", 501};
    case grpc::StatusCode::INTERNAL:
      return {"internal", 500};
    case grpc::StatusCode::UNAVAILABLE:
      return {"unavailable", 503};
    case grpc::StatusCode::DATA_LOSS:
      return {"data_loss", 500};
    case grpc::StatusCode::UNAUTHENTICATED:
      return {"unauthenticated", 401};
    default:
      return {"unknown", 500};
  }
}

// A gRPC status as Connect's error JSON: the details (google.rpc.ErrorInfo with the
// reason, google.rpc.BadRequest with the field) as base64 protobuf, plus a readable
// "debug" copy for clients that do not decode protobuf.
std::string ConnectErrorJson(const grpc::Status& status) {
  Json error = {{"code", ConnectCodeOf(status.error_code()).name}};
  if (!status.error_message().empty()) error["message"] = status.error_message();
  google::rpc::Status rich;
  if (!status.error_details().empty() && rich.ParseFromString(status.error_details())) {
    Json details = Json::array();
    for (const pb::Any& any : rich.details()) {
      std::string type(absl::StripPrefix(any.type_url(), "type.googleapis.com/"));
      std::string value = absl::Base64Escape(any.value());
      while (!value.empty() && value.back() == '=') value.pop_back();
      Json detail = {{"type", type}, {"value", value}};
      const pb::Descriptor* descriptor =
          pb::DescriptorPool::generated_pool()->FindMessageTypeByName(type);
      if (descriptor != nullptr) {
        std::unique_ptr<pb::Message> message(
            pb::MessageFactory::generated_factory()->GetPrototype(descriptor)->New());
        std::string debug;
        pb::util::JsonPrintOptions options;
        options.preserve_proto_field_names = true;
        if (message->ParseFromString(any.value()) &&
            pb::util::MessageToJsonString(*message, &debug, options).ok()) {
          detail["debug"] = Json::parse(debug, nullptr, false);
        }
      }
      details.push_back(std::move(detail));
    }
    error["details"] = std::move(details);
  }
  return error.dump();
}

std::string Header(const httplib::Request& request, const char* key) {
  return request.get_header_value(key);
}

// The bytes of a request: a real buffer even when empty (gRPC aborts sending an invalid one).
grpc::ByteBuffer ToBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string BufferBytes(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Valid() || !buffer.Dump(&slices).ok()) return "";
  std::string bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

// One JSON call: the same steps as a gRPC call through ProxyService, on this thread.
class JsonCall {
 public:
  JsonCall(ProxyService* proxy, const httplib::Request& request, httplib::Response& response)
      : proxy_(proxy), request_(request), response_(response), start_(absl::Now()) {
    record_.method = request.path;
    request_id_ = server::CleanMetadataValue(Header(request, "X-Request-Id"));
    if (request_id_.empty()) request_id_ = crypto::HexEncode(crypto::RandomBytes(8));
    record_.request_id = request_id_;
    response_.set_header("X-Request-Id", request_id_);
  }

  void Serve() {
    std::optional<absl::Time> client_deadline;
    if (int64_t ms = 0; absl::SimpleAtoi(Header(request_, "Connect-Timeout-Ms"), &ms) && ms > 0) {
      client_deadline = start_ + absl::Milliseconds(ms);
    }
    deadline_ = UpstreamDeadline(client_deadline, start_, proxy_->options().deadlines);
    if (!proxy_->in_flight().TryAcquire()) {
      ConcurrencyRefusals().Increment();
      return Fail(MakeError(absl::StatusCode::kResourceExhausted, kReasonTooManyCalls,
                            "the gateway is at its limit of concurrent calls; retry later"));
    }
    Serve(proxy_->routes().Find(request_.path));
    proxy_->in_flight().Release();
  }

 private:
  void Serve(absl::StatusOr<const Route*> route) {
    if (!route.ok()) {
      // Connect clients read HTTP 404 as an unknown procedure.
      return Answer(ToGrpcStatus(route.status()), ErrorReason(route.status()), 404);
    }
    const pb::MethodDescriptor* method = (*route)->method;
    if ((*route)->client_streaming || (*route)->server_streaming || method == nullptr) {
      return Fail(MakeError(absl::StatusCode::kUnimplemented, "STREAMING_NOT_PROXIED",
                            "JSON over HTTP serves unary methods only; use gRPC"));
    }
    std::string content_type = absl::AsciiStrToLower(Header(request_, "Content-Type"));
    if (content_type != "application/json" &&
        !absl::StartsWith(content_type, "application/json;")) {
      return Answer(ToGrpcStatus(InvalidArgument("content-type", "UNSUPPORTED_CONTENT_TYPE",
                                                 "Content-Type must be application/json")),
                    "UNSUPPORTED_CONTENT_TYPE", 415);
    }
    auto* factory = pb::MessageFactory::generated_factory();
    std::unique_ptr<pb::Message> input(factory->GetPrototype(method->input_type())->New());
    if (absl::Status decoded = DecodeJsonBody(request_.body, input.get()); !decoded.ok()) {
      return Fail(decoded);
    }
    std::string bytes = input->SerializeAsString();
    if ((*route)->request_prototype != nullptr) {
      record_.resource = ResourceNameOf(*(*route)->request_prototype, bytes);
    }

    Caller caller;
    caller.authorization = Header(request_, "Authorization");
    caller.peer = absl::StrCat("http:", request_.remote_addr, ":", request_.remote_port);
    std::promise<absl::StatusOr<auth::Principal>> admitted;
    proxy_->Admit(
        **route, request_.path, caller, deadline_, request_id_, &record_,
        [&admitted](absl::StatusOr<auth::Principal> p) { admitted.set_value(std::move(p)); });
    absl::StatusOr<auth::Principal> principal = admitted.get_future().get();
    if (!principal.ok()) return Fail(principal.status());

    Backend* backend = proxy_->backend((*route)->destination);
    if (backend == nullptr) {
      return Fail(
          Unavailable("NO_BACKEND", absl::StrCat("no address for ", (*route)->destination)));
    }
    grpc::ClientContext upstream;
    upstream.set_deadline(absl::ToChronoTime(deadline_));
    upstream.AddMetadata("x-request-id", request_id_);
    if (std::string trace = server::CleanMetadataValue(Header(request_, "traceparent"));
        !trace.empty()) {
      upstream.AddMetadata("traceparent", trace);
    }
    upstream.AddMetadata(auth::kPrincipalMetadataKey,
                         backend->signer.Sign(*principal, (*route)->destination, request_.path));
    grpc::ByteBuffer request_buffer = ToBuffer(bytes);
    grpc::ByteBuffer response_buffer;
    std::promise<grpc::Status> done;
    backend->stub->UnaryCall(&upstream, request_.path, grpc::StubOptions(), &request_buffer,
                             &response_buffer,
                             [&done](grpc::Status status) { done.set_value(std::move(status)); });
    grpc::Status status = done.get_future().get();
    if (!status.ok()) return Answer(status, ErrorReason(FromGrpcStatus(status)));

    std::unique_ptr<pb::Message> output(factory->GetPrototype(method->output_type())->New());
    std::string json;
    pb::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    if (!output->ParseFromString(BufferBytes(response_buffer)) ||
        !pb::util::MessageToJsonString(*output, &json, options).ok()) {
      return Fail(Internal("BAD_RESPONSE", "the service's answer does not convert to JSON"));
    }
    response_.status = 200;
    response_.set_content(json, "application/json");
    Log(grpc::Status::OK, "");
  }

  void Fail(const absl::Status& status) { Answer(ToGrpcStatus(status), ErrorReason(status)); }

  void Answer(const grpc::Status& status, const std::string& reason, int http_status = 0) {
    response_.status =
        http_status != 0 ? http_status : ConnectCodeOf(status.error_code()).http_status;
    response_.set_content(ConnectErrorJson(status), "application/json");
    Log(status, reason);
  }

  void Log(const grpc::Status& status, const std::string& reason) {
    record_.code = absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
    record_.reason = reason;
    record_.latency = absl::Now() - start_;
    record_.deadline = deadline_ - start_;
    log::Info(kAccessLogMessage, AccessLogFields(record_));
    // Unknown paths share one label: a caller must not grow the metric without bound.
    metrics_.Finish(proxy_->routes().Find(request_.path).ok() ? request_.path : "unknown",
                    record_.code);
  }

  ProxyService* proxy_;
  const httplib::Request& request_;
  httplib::Response& response_;
  metrics::CallRecord metrics_;  // in flight while this call is served
  const absl::Time start_;
  absl::Time deadline_;
  std::string request_id_;
  AccessRecord record_;
};

constexpr char kConsolePolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

bool LooksLikeApiPath(const std::string& path) {
  return absl::StartsWith(path, "/paizhu.") || absl::StartsWith(path, "/grpc.");
}

}  // namespace

HttpGateway::HttpGateway(ProxyService* proxy, HttpOptions options)
    : proxy_(proxy), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {}

HttpGateway::~HttpGateway() { Stop(); }

absl::Status HttpGateway::Start() {
  httplib::Server& server = *server_;
  // Without it, keep-alive clients wait on Nagle for every answer.
  server.set_tcp_nodelay(true);
  int threads = std::max(1, options_.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options_.max_body_bytes);
  server.Post(R"(/[^/]+/[^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
    JsonCall(proxy_, req, res).Serve();
  });
  if (!options_.web_root.empty()) {
    if (!server.set_mount_point("/", options_.web_root)) {
      return InvalidArgument("web-root", "BAD_FLAG_VALUE",
                             absl::StrCat("--web-root ", options_.web_root, " is not a directory"));
    }
    // Client-side routes: any other GET path is the console's index.html.
    std::string index = options_.web_root + "/index.html";
    server.Get(R"(/.*)", [index](const httplib::Request& req, httplib::Response& res) {
      std::ifstream in(index, std::ios::binary);
      if (LooksLikeApiPath(req.path) || !in) {
        res.status = 404;
        res.set_content(R"({"code":"not_found","message":"no such page"})", "application/json");
        return;
      }
      std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      res.set_content(html, "text/html; charset=utf-8");
    });
    // The console runs only its own files (no inline code, nothing from elsewhere),
    // talks only to this origin and is never framed. Same origin: no CORS is needed.
    server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      res.set_header("X-Content-Type-Options", "nosniff");
      if (req.method != "GET" && req.method != "HEAD") return;
      res.set_header("Content-Security-Policy", kConsolePolicy);
      res.set_header("X-Frame-Options", "DENY");
      res.set_header("Referrer-Policy", "no-referrer");
      // Built assets carry a content hash in their names; the page itself must not linger.
      res.set_header("Cache-Control", absl::StartsWith(req.path, "/assets/")
                                          ? "public, max-age=31536000, immutable"
                                          : "no-cache");
    });
  }
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    grpc::StatusCode code = res.status == 404   ? grpc::StatusCode::UNIMPLEMENTED
                            : res.status == 413 ? grpc::StatusCode::RESOURCE_EXHAUSTED
                                                : grpc::StatusCode::INVALID_ARGUMENT;
    res.set_content(ConnectErrorJson(grpc::Status(
                        code, absl::StrCat(req.method, " ", req.path, ": HTTP ", res.status))),
                    "application/json");
  });

  size_t colon = options_.listen.rfind(':');
  int wanted = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(options_.listen.substr(colon + 1), &wanted)) {
    return InvalidArgument("http-listen", "BAD_FLAG_VALUE",
                           absl::StrCat("--http-listen ", options_.listen, " is not host:port"));
  }
  std::string host = options_.listen.substr(0, colon);
  port_ = wanted == 0 ? server.bind_to_any_port(host)
                      : (server.bind_to_port(host, wanted) ? wanted : -1);
  if (port_ <= 0) {
    return Unavailable("LISTEN_FAILED", absl::StrCat("cannot listen on ", options_.listen));
  }
  thread_ = std::thread([&server] { server.listen_after_bind(); });
  if (!options_.port_file.empty()) {
    std::string tmp = options_.port_file + ".tmp";
    std::ofstream(tmp) << port_ << "\n";
    std::rename(tmp.c_str(), options_.port_file.c_str());
  }
  log::Info("serving http", {{"port", port_}, {"web_root", options_.web_root}});
  return absl::OkStatus();
}

void HttpGateway::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace paizhu::gateway
