#pragma once
// JSON over HTTP for clients without gRPC: the Connect protocol's unary JSON form,
//   POST /paizhu.org.v1.OrgService/GetUnit   Content-Type: application/json
//   Authorization: Bearer <token>            (optional: Connect-Timeout-Ms, X-Request-Id)
// with the same authentication, authorisation, limits and access line as the gRPC port
// (ProxyService::Admit). The body is the request in protobuf's JSON mapping; the answer
// is the response the same way, field names as in the proto (snake_case). An error is
// Connect's error JSON, {"code": "not_found", "message": "...", "details": [{"type":
// "google.rpc.ErrorInfo", "value": "<base64 of the message>", "debug": {...}}]}, with the
// HTTP status Connect maps the code to. Optionally serves the web console's files from a
// directory (any other GET path falls back to its index.html, for client-side routes).

#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "services/gateway/api/proxy.h"

namespace httplib {
class Server;
}

namespace paizhu::gateway {

struct HttpOptions {
  std::string listen = "127.0.0.1:0";  // host:port (port 0: any free port)
  std::string port_file;               // the bound port is written here
  int threads = 16;                    // requests served at once
  std::string web_root;                // the web console's files; empty: none
  size_t max_body_bytes = 16 << 20;
};

class HttpGateway {
 public:
  HttpGateway(ProxyService* proxy, HttpOptions options);
  ~HttpGateway();

  absl::Status Start();  // binds, then serves on a thread of its own
  void Stop();
  int port() const { return port_; }

 private:
  ProxyService* proxy_;
  HttpOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace paizhu::gateway
