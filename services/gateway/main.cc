// paizhu-gateway: the composition root of the gateway.

#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/auth/jwt.h"
#include "common/auth/principal.h"
#include "common/client/downstream.h"
#include "common/client/upstream_tls.h"
#include "common/config/flags.h"
#include "common/log/log.h"
#include "common/server/runner.h"
#include "common/server/tls.h"
#include "common/status/status.h"
#include "services/gateway/api/backend_health.h"
#include "services/gateway/api/http_gateway.h"
#include "services/gateway/api/proxy.h"
#include "services/gateway/domain/authenticator.h"
#include "services/gateway/domain/deadline.h"
#include "services/gateway/domain/jwt_keys.h"
#include "services/gateway/domain/limits.h"
#include "services/gateway/domain/systems.h"

namespace paizhu::gateway {
namespace {

// The services the gateway fronts, and where their addresses and keys come from.
struct Destination {
  const char* name;          // org: flags --org-addr and --org-key-file
  const char* grpc_service;  // paizhu.org.v1.OrgService
};
constexpr Destination kDestinations[] = {
    {"org", "paizhu.org.v1.OrgService"},
    {"clue", "paizhu.clue.v1.ClueService"},
    {"assess", "paizhu.assess.v1.AssessService"},
};
// Further services a destination serves: routed to its backend, health from the above.
constexpr std::pair<const char*, const char*> kMoreServices[] = {
    {"paizhu.assess.v1.ReportService", "assess"},
};

int Fail(const absl::Status& status) {
  log::Error("cannot start", {{"reason", ErrorReason(status)}, {"why", status.message()}});
  return 1;
}

// TLS for the gRPC port when --tls-cert-file is set: the port asks every client for a
// certificate and verifies one when presented (against --client-ca-file), so people
// with tokens and systems with certificates share it. Null: plaintext.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsCredentials(
    const config::FlagSet& flags, bool has_systems) {
  if (flags.Get("tls-cert-file").empty() && has_systems) {
    return InvalidArgument("tls-cert-file", "FLAG_REQUIRED",
                           "--systems-file needs --tls-cert-file");
  }
  return server::TlsServerCredentials(flags, server::ClientCertificates::kOptional);
}

int Main(int argc, char** argv) {
  server::BlockTerminationSignals();
  config::FlagSet flags("paizhu-gateway");
  server::DefineServerFlags(flags);
  for (const Destination& d : kDestinations) {
    flags.Define(absl::StrCat(d.name, "-addr"), "", absl::StrCat(d.name, " service address"));
    flags.Define(absl::StrCat(d.name, "-key-file"), "",
                 absl::StrCat("the ", d.name, " service's key: signs the principals sent to it"));
  }
  // paizhu-bench's echo backend (tools/bench), routed only when the benchmark starts the
  // gateway with these flags; no manifest sets them.
  flags.Define("bench-echo-addr", "", "the benchmark's echo service (empty: not routed)");
  flags.Define("bench-echo-key-file", "", "signs the principals sent to the echo service");
  flags.Define("jwt-public-key-file", "", "PEM file of the public keys that sign people's tokens");
  flags.Define("jwt-issuer", "paizhu-dev", "the only accepted token issuer (iss)");
  flags.Define("jwt-audience", "paizhu", "the required token audience (aud)");
  flags.Define("jwt-key-reload-interval", "5s",
               "how often to look whether the JWT key file changed (then reload it)");
  flags.Define("token-cache-size", "10000", "verified tokens remembered (0: verify every call)");
  flags.Define("principal-cache-size", "10000", "resolved principals remembered (0: none)");
  flags.Define("principal-cache-ttl", "30s", "how long a resolved principal is remembered");
  flags.Define("max-call-timeout", "30s", "the longest deadline a call gets upstream");
  flags.Define("default-call-timeout", "10s", "the deadline of a call that arrives without one");
  flags.Define("rate-limits-file", "",
               "JSON file of per-principal token buckets (default, roles, systems); empty: none");
  flags.Define("max-concurrent-calls", "1000", "calls in flight at most; more are refused");
  flags.Define("backend-check-interval", "2s",
               "how often readiness asks the backends for their health");
  flags.Define("http-listen", "",
               "address of the JSON-over-HTTP port (Connect unary JSON; empty: none)");
  flags.Define("http-port-file", "", "write the bound HTTP port here once serving");
  flags.Define("http-threads", "16", "HTTP requests served at once");
  flags.Define("web-root", "",
               "directory of the web console's files, served on the HTTP port (empty: none)");
  server::DefineTlsServerFlags(
      flags, "PEM CA certificates that sign systems' client certificates (needs TLS)");
  client::DefineUpstreamTlsFlags(flags);  // towards org, clue and assess
  flags.Define("systems-file", "",
               "JSON file mapping client certificate subjects to systems and their scopes");
  if (absl::Status s = flags.Parse(argc, argv); !s.ok()) {
    std::cerr << s.message() << "\n";
    return ErrorReason(s) == "HELP" ? 0 : 2;
  }
  if (absl::Status s = server::SetUpLogging(flags, "gateway"); !s.ok()) return Fail(s);

  auto duration = [&](const char* name) { return flags.GetDuration(name); };
  auto count = [&](const char* name) -> absl::StatusOr<int> {
    auto value = flags.GetInt(name);
    if (value.ok() && *value < 0) {
      return InvalidArgument(name, "BAD_FLAG_VALUE", absl::StrCat("--", name, " must be >= 0"));
    }
    return value;
  };
  auto reload_interval = duration("jwt-key-reload-interval");
  auto token_cache_size = count("token-cache-size");
  auto principal_cache_size = count("principal-cache-size");
  auto principal_cache_ttl = duration("principal-cache-ttl");
  auto max_call_timeout = duration("max-call-timeout");
  auto default_call_timeout = duration("default-call-timeout");
  auto max_concurrent_calls = count("max-concurrent-calls");
  auto backend_check_interval = duration("backend-check-interval");
  auto max_bytes = flags.GetInt("max-message-bytes");
  auto http_threads = count("http-threads");
  for (const absl::Status& s :
       {reload_interval.status(), token_cache_size.status(), principal_cache_size.status(),
        principal_cache_ttl.status(), max_call_timeout.status(), default_call_timeout.status(),
        max_concurrent_calls.status(), backend_check_interval.status(), max_bytes.status(),
        http_threads.status()}) {
    if (!s.ok()) return Fail(s);
  }
  ProxyOptions proxy_options;
  proxy_options.deadlines = DeadlinePolicy{*max_call_timeout, *default_call_timeout};
  if (absl::Status s = proxy_options.deadlines.Validate(); !s.ok()) return Fail(s);
  if (*max_concurrent_calls < 1) {
    return Fail(InvalidArgument("max-concurrent-calls", "BAD_FLAG_VALUE",
                                "--max-concurrent-calls must be at least 1"));
  }
  proxy_options.max_concurrent_calls = *max_concurrent_calls;
  if (*backend_check_interval <= absl::ZeroDuration()) {
    return Fail(InvalidArgument("backend-check-interval", "BAD_FLAG_VALUE",
                                "--backend-check-interval must be positive"));
  }
  std::unique_ptr<RateLimiter> limiter;
  if (std::string path = flags.Get("rate-limits-file"); !path.empty()) {
    auto policy = RateLimitPolicy::FromFile(path);
    if (!policy.ok()) return Fail(policy.status());
    limiter = std::make_unique<RateLimiter>(*std::move(policy));
  }

  std::unique_ptr<SystemDirectory> systems;
  if (std::string path = flags.Get("systems-file"); !path.empty()) {
    auto directory = SystemDirectory::FromFile(path);
    if (!directory.ok()) return Fail(directory.status());
    systems = std::make_unique<SystemDirectory>(*std::move(directory));
  }
  auto credentials = TlsCredentials(flags, systems != nullptr);
  if (!credentials.ok()) return Fail(credentials.status());
  auto upstream_credentials = client::UpstreamCredentials(flags);
  if (!upstream_credentials.ok()) return Fail(upstream_credentials.status());

  std::map<std::string, std::string> services;
  std::map<std::string, Backend> backends;
  std::vector<BackendHealth::Target> health_targets;
  std::string org_key;
  for (const Destination& d : kDestinations) {
    std::string addr = flags.Get(absl::StrCat(d.name, "-addr"));
    if (addr.empty()) {
      return Fail(InvalidArgument(absl::StrCat(d.name, "-addr"), "FLAG_REQUIRED",
                                  absl::StrCat("--", d.name, "-addr is required")));
    }
    if (auto target = client::ChannelTarget(addr); !target.ok()) {
      return Fail(
          InvalidArgument(absl::StrCat(d.name, "-addr"), "BAD_FLAG_VALUE",
                          absl::StrCat("--", d.name, "-addr: ", target.status().message())));
    }
    std::string key_flag = absl::StrCat(d.name, "-key-file");
    auto key = auth::LoadKeyFile(key_flag, flags.Get(key_flag));
    if (!key.ok()) return Fail(key.status());
    if (std::string(d.name) == "org") org_key = *key;
    services[d.grpc_service] = d.name;
    auto channel = client::MakeChannel(addr, *max_bytes, d.grpc_service, *upstream_credentials);
    backends.emplace(d.name, Backend{std::make_unique<grpc::GenericStub>(channel),
                                     auth::PrincipalSigner::ForGateway(*key)});
    health_targets.push_back({d.name, d.grpc_service, channel});
  }
  for (const auto& [grpc_service, name] : kMoreServices) services[grpc_service] = name;
  if (std::string addr = flags.Get("bench-echo-addr"); !addr.empty()) {
    constexpr char kEcho[] = "paizhu.bench.v1.EchoService";
    auto key = auth::LoadKeyFile("bench-echo-key-file", flags.Get("bench-echo-key-file"));
    if (!key.ok()) return Fail(key.status());
    services[kEcho] = "bench-echo";
    auto channel = client::MakeChannel(addr, *max_bytes, kEcho);
    backends.emplace("bench-echo", Backend{std::make_unique<grpc::GenericStub>(channel),
                                           auth::PrincipalSigner::ForGateway(*key)});
    health_targets.push_back({"bench-echo", kEcho, channel});
  }
  auto routes = RouteTable::Build(services);
  if (!routes.ok()) return Fail(routes.status());
  std::vector<std::string> public_services;
  for (const auto& [grpc_service, destination] : services) public_services.push_back(grpc_service);
  auto reflection = PublicReflection::Build(public_services);
  if (!reflection.ok()) return Fail(reflection.status());

  auto keys = JwtKeyStore::Open(
      flags.Get("jwt-public-key-file"),
      auth::JwtVerifierOptions{flags.Get("jwt-issuer"), flags.Get("jwt-audience")},
      *reload_interval);
  if (!keys.ok()) return Fail(keys.status());
  auto authenticator = std::make_unique<Authenticator>(*std::move(keys), *token_cache_size);
  auto resolver = std::make_unique<PrincipalResolver>(
      client::MakeChannel(flags.Get("org-addr"), 4 << 20, "paizhu.org.v1.OrgService",
                          *upstream_credentials),
      auth::PrincipalSigner::ForGateway(org_key), *principal_cache_size, *principal_cache_ttl);

  size_t route_count = routes->size();
  ProxyService proxy(*std::move(routes), std::move(backends), std::move(authenticator),
                     std::move(resolver), std::move(limiter), proxy_options);
  size_t system_count = systems ? systems->size() : 0;
  proxy.SetSystems(std::move(systems));
  proxy.SetReflection(std::make_unique<PublicReflection>(*std::move(reflection)));
  auto options = server::ServerOptionsFromFlags(flags);
  if (!options.ok()) return Fail(options.status());
  options->credentials = *credentials;
  options->reflection = false;  // the proxy answers it, for authenticated callers only
  server::Runner runner(*options);
  runner.SetGenericService(&proxy);
  runner.AddReadinessName("paizhu.gateway");
  // Before the gRPC port: once that reports a port, both serve.
  std::unique_ptr<HttpGateway> http;
  if (std::string listen = flags.Get("http-listen"); !listen.empty()) {
    http = std::make_unique<HttpGateway>(
        &proxy, HttpOptions{listen, flags.Get("http-port-file"), *http_threads,
                            flags.Get("web-root"), static_cast<size_t>(*max_bytes)});
    if (absl::Status s = http->Start(); !s.ok()) return Fail(s);
  }
  if (absl::Status s = runner.Start(); !s.ok()) return Fail(s);
  // Ready while every backend is: checked at once, then every interval.
  BackendHealth backend_health(std::move(health_targets), *backend_check_interval,
                               [&runner](bool ready) { runner.SetReady(ready); });
  backend_health.Start();
  log::Info(
      "routing",
      {{"methods", route_count}, {"tls", *credentials != nullptr}, {"systems", system_count}});
  runner.WaitForShutdownSignal();
  backend_health.Stop();
  if (http) http->Stop();
  return 0;
}

}  // namespace
}  // namespace paizhu::gateway

int main(int argc, char** argv) { return paizhu::gateway::Main(argc, argv); }
