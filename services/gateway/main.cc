// paizhu-gateway: the composition root of the gateway.

#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/auth/jwt.h"
#include "common/auth/principal.h"
#include "common/client/downstream.h"
#include "common/config/flags.h"
#include "common/log/log.h"
#include "common/server/runner.h"
#include "common/status/status.h"
#include "services/gateway/api/proxy.h"

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

int Fail(const absl::Status& status) {
  log::Error("cannot start", {{"reason", ErrorReason(status)}, {"why", status.message()}});
  return 1;
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
  flags.Define("jwt-public-key-file", "", "PEM file of the public keys that sign people's tokens");
  flags.Define("jwt-issuer", "paizhu-dev", "the only accepted token issuer (iss)");
  flags.Define("jwt-audience", "paizhu", "the required token audience (aud)");
  if (absl::Status s = flags.Parse(argc, argv); !s.ok()) {
    std::cerr << s.message() << "\n";
    return ErrorReason(s) == "HELP" ? 0 : 2;
  }
  if (absl::Status s = server::SetUpLogging(flags, "gateway"); !s.ok()) return Fail(s);

  std::map<std::string, std::string> services;
  std::map<std::string, Backend> backends;
  std::string org_key;
  for (const Destination& d : kDestinations) {
    std::string addr = flags.Get(absl::StrCat(d.name, "-addr"));
    if (addr.empty()) {
      return Fail(InvalidArgument(absl::StrCat(d.name, "-addr"), "FLAG_REQUIRED",
                                  absl::StrCat("--", d.name, "-addr is required")));
    }
    std::string key_flag = absl::StrCat(d.name, "-key-file");
    auto key = auth::LoadKeyFile(key_flag, flags.Get(key_flag));
    if (!key.ok()) return Fail(key.status());
    if (std::string(d.name) == "org") org_key = *key;
    services[d.grpc_service] = d.name;
    auto max_bytes = flags.GetInt("max-message-bytes");
    if (!max_bytes.ok()) return Fail(max_bytes.status());
    backends.emplace(
        d.name, Backend{std::make_unique<grpc::GenericStub>(client::MakeChannel(addr, *max_bytes)),
                        auth::PrincipalSigner::ForGateway(*key)});
  }
  auto routes = RouteTable::Build(services);
  if (!routes.ok()) return Fail(routes.status());

  auto jwt = auth::JwtVerifier::FromPemFile(
      flags.Get("jwt-public-key-file"),
      auth::JwtVerifierOptions{flags.Get("jwt-issuer"), flags.Get("jwt-audience")});
  if (!jwt.ok()) return Fail(jwt.status());
  auto resolver =
      std::make_unique<PrincipalResolver>(client::MakeChannel(flags.Get("org-addr"), 4 << 20),
                                          auth::PrincipalSigner::ForGateway(org_key));

  size_t route_count = routes->size();
  ProxyService proxy(*std::move(routes), std::move(backends), *std::move(jwt), std::move(resolver));
  auto options = server::ServerOptionsFromFlags(flags);
  if (!options.ok()) return Fail(options.status());
  server::Runner runner(*options);
  runner.SetGenericService(&proxy);
  runner.AddReadinessName("paizhu.gateway");
  if (absl::Status s = runner.Start(); !s.ok()) return Fail(s);
  runner.SetReady(true);
  log::Info("routing", {{"methods", route_count}});
  runner.WaitForShutdownSignal();
  return 0;
}

}  // namespace
}  // namespace paizhu::gateway

int main(int argc, char** argv) { return paizhu::gateway::Main(argc, argv); }
