#include "tools/bench/scenarios.h"

#include <algorithm>
#include <atomic>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/names/page_token.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/client_context.h"
#include "paizhu/bench/v1/echo.grpc.pb.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "services/clue/storage/clue_repository.h"
#include "services/clue/storage/clue_rows.h"
#include "tools/bench/assessment.h"
#include "tools/bench/seed.h"

namespace paizhu::bench {
namespace {

using clue::v1::ClueService;
using EchoStub = v1::EchoService::Stub;

constexpr char kGetClue[] = "/paizhu.clue.v1.ClueService/GetClue";
constexpr char kRegisterClue[] = "/paizhu.clue.v1.ClueService/RegisterClue";

// How a call reaches the suite: as the person through the gateway, or straight to the
// service with the principal the gateway would have signed.
enum class Path { kGateway, kDirect };

void Prepare(grpc::ClientContext& ctx, const BenchEnv& env, Path path, const char* method) {
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  if (path == Path::kGateway) {
    ctx.AddMetadata("authorization", "Bearer " + env.token());
  } else {
    ctx.AddMetadata(auth::kPrincipalMetadataKey, env.SignForClue(method));
  }
}

template <typename Stub>
std::vector<std::unique_ptr<typename Stub::Stub>> StubsOf(
    const std::vector<std::shared_ptr<grpc::Channel>>& channels) {
  std::vector<std::unique_ptr<typename Stub::Stub>> out;
  for (const auto& c : channels) out.push_back(Stub::NewStub(c));
  return out;
}

clue::v1::RegisterClueRequest NewClue(const std::string& request_id) {
  clue::v1::RegisterClueRequest r;
  r.set_request_id(request_id);
  auto* c = r.mutable_clue();
  c->set_received_on("2026-03-02");
  c->set_source("petition");
  auto* s = c->add_subjects();
  s->set_name("张某");
  s->set_position("副局长");
  s->set_party_member(true);
  c->add_violations("integrity");
  c->set_allegation("收受管理服务对象礼金");
  c->set_handling_unit("units/G1");
  return r;
}

// One connection per worker, each a session of its own as a service's pool would hold.
absl::StatusOr<std::vector<std::unique_ptr<sql::Connection>>> Connections(const BenchEnv& env,
                                                                          const std::string& schema,
                                                                          int count) {
  std::vector<std::unique_ptr<sql::Connection>> out;
  for (int i = 0; i < count; ++i) {
    ASSIGN_OR_RETURN(auto c, sql::Connection::Open(env.Database(schema)));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<Figure>> RunScenarios(
    BenchEnv& env, const RunSettings& settings,
    const std::function<void(const Figure&)>& progress) {
  const int n = settings.concurrency;
  const std::vector<WatchedProcess> processes = env.Processes();
  std::vector<Figure> figures;
  auto run = [&](Figure figure, const Call& call) -> const Figure& {
    figure.load.warmup = settings.warmup;
    figure.load.window = settings.window;
    figure.result = RunLoad(figure.load, call, processes);
    figures.push_back(std::move(figure));
    progress(figures.back());
    return figures.back();
  };
  auto closed = [&](const char* id, const char* what, const char* baseline) {
    Figure f;
    f.id = id;
    f.what = what;
    f.baseline = baseline;
    f.load.mode = LoopMode::kClosed;
    f.load.concurrency = n;  // every worker has its own connection or request counter
    return f;
  };
  auto ok = [](const grpc::Status& s) { return FromGrpcStatus(s); };

  // --- RPC paths: echo raw and through the gateway.
  auto echo_direct = StubsOf<v1::EchoService>(env.Channels("echo", settings.channels));
  auto echo_gateway = StubsOf<v1::EchoService>(env.Channels("gateway", settings.channels));
  const std::string payload(64, 'x');
  auto echo = [&](std::vector<std::unique_ptr<EchoStub>>& stubs, Path path) -> Call {
    return [&stubs, path, &payload, &env, &ok, channels = settings.channels](int w) {
      grpc::ClientContext ctx;
      ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
      if (path == Path::kGateway) ctx.AddMetadata("authorization", "Bearer " + env.token());
      v1::EchoMessage request, response;
      request.set_payload(payload);
      return ok(stubs[w % channels]->Echo(&ctx, request, &response));
    };
  };
  run(closed("B1", "echo, raw gRPC (RPC baseline)", ""), echo(echo_direct, Path::kDirect));
  const double b2_throughput = run(closed("B2", "echo through the gateway (authn + authz)", "B1"),
                                   echo(echo_gateway, Path::kGateway))
                                   .result.throughput();
  const double open_rate = std::max(10.0, b2_throughput / 2);

  // --- One clue read by name.
  auto clue_gateway = StubsOf<ClueService>(env.Channels("gateway", settings.channels));
  auto clue_direct = StubsOf<ClueService>(env.Channels("clue", settings.channels));
  clue::v1::Clue sample;
  {
    grpc::ClientContext ctx;
    Prepare(ctx, env, Path::kGateway, kRegisterClue);
    RETURN_IF_ERROR(ok(clue_gateway[0]->RegisterClue(&ctx, NewClue("bench-sample"), &sample)));
  }
  auto get_clue = [&](std::vector<std::unique_ptr<ClueService::Stub>>& stubs, Path path) -> Call {
    return [&stubs, path, &sample, &env, &ok, channels = settings.channels](int w) {
      grpc::ClientContext ctx;
      Prepare(ctx, env, path, kGetClue);
      clue::v1::GetClueRequest request;
      request.set_name(sample.name());
      clue::v1::Clue response;
      return ok(stubs[w % channels]->GetClue(&ctx, request, &response));
    };
  };
  run(closed("B4", "GetClue through the gateway", "B4d"), get_clue(clue_gateway, Path::kGateway));
  run(closed("B4d", "GetClue straight to the clue service", "D1"),
      get_clue(clue_direct, Path::kDirect));
  ASSIGN_OR_RETURN(auto readers, Connections(env, env.clue_schema(), n));
  const std::string number = sample.name().substr(sample.name().find('/') + 1);
  const std::string read_sql =
      absl::StrCat("SELECT ", clue::rows::kClueColumns, " FROM clues WHERE number = ?");
  run(closed("D1", "the same read by Connector/C++ (DB baseline)", ""),
      [&](int w) { return readers[w]->Query(read_sql, {number}).status(); });

  // --- Writes, all at the same concurrency and durability.
  ASSIGN_OR_RETURN(auto durability, env.Durability());
  {
    ASSIGN_OR_RETURN(auto root, sql::Connection::Open(env.Database("")));
    RETURN_IF_ERROR(root->ExecText("CREATE DATABASE IF NOT EXISTS paizhu_bench"));
    RETURN_IF_ERROR(root->ExecText(
        "CREATE TABLE IF NOT EXISTS paizhu_bench.single_rows (id BIGINT AUTO_INCREMENT "
        "PRIMARY KEY, worker INT NOT NULL, seq BIGINT NOT NULL, payload VARCHAR(200) NOT NULL, "
        "created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB"));
  }
  ASSIGN_OR_RETURN(auto writers, Connections(env, "paizhu_bench", n));
  std::vector<int64_t> sequence(n, 0);  // each worker touches only its own
  Figure w1 = closed("W1", "single-row INSERT, autocommit (write baseline)", "");
  w1.notes = durability;
  run(std::move(w1), [&](int w) {
    return writers[w]
        ->Exec("INSERT INTO paizhu_bench.single_rows (worker, seq, payload) VALUES (?, ?, ?)",
               {int64_t{w}, ++sequence[w], payload})
        .status();
  });
  const std::string nonce = crypto::HexEncode(crypto::RandomBytes(4));
  auto register_clue = [&](std::vector<std::unique_ptr<ClueService::Stub>>& stubs,
                           Path path) -> Call {
    return [&, path](int w) -> absl::Status {
      grpc::ClientContext ctx;
      Prepare(ctx, env, path, kRegisterClue);
      clue::v1::Clue response;
      std::string request_id = absl::StrCat("bench-", nonce, "-", w, "-", ++sequence[w]);
      return ok(stubs[w % settings.channels]->RegisterClue(&ctx, NewClue(request_id), &response));
    };
  };
  Figure w2 = closed("W2", "RegisterClue through the gateway (audit + request_id)", "W1");
  w2.notes = durability;
  run(std::move(w2), register_clue(clue_gateway, Path::kGateway));
  Figure w2d = closed("W2d", "RegisterClue straight to the clue service", "W1");
  w2d.notes = durability;
  run(std::move(w2d), register_clue(clue_direct, Path::kDirect));

  // --- Open loop: B1 and B2 at one rate (half of B2's closed-loop throughput), latency
  // from each call's due time.
  auto open = [&](const char* id, const char* what, const char* baseline) {
    Figure f = closed(id, what, baseline);
    f.load.mode = LoopMode::kOpen;
    f.load.rate = open_rate;
    f.load.concurrency = 4 * n;
    f.notes = {{"rate", absl::StrCat(static_cast<int64_t>(open_rate), "/s")}};
    return f;
  };
  run(open("B1o", "echo, raw, open loop", ""), echo(echo_direct, Path::kDirect));
  run(open("B2o", "echo through the gateway, open loop", "B1o"),
      echo(echo_gateway, Path::kGateway));

  // --- Keyset pagination: page 1 and page 10,000 of a table seeded in bulk.
  const int page_size = static_cast<int>(std::max<int64_t>(1, settings.list_rows / 10000));
  int64_t model_id = 0;  // the sample's row: what seeded clues copy
  {
    ASSIGN_OR_RETURN(auto db, sql::Connection::Open(env.Database(env.clue_schema())));
    ASSIGN_OR_RETURN(sql::Rows model, db->Query("SELECT id FROM clues WHERE number = ?", {number}));
    if (model.size() != 1) return Internal("BENCH_SETUP", "the sample clue has no row");
    model_id = model.Int(0, 0);
  }
  RETURN_IF_ERROR(SeedClues(env, model_id, "BENCH", settings.list_rows));
  // Page 10,000's token holds the last key of page 9,999, as the service would have
  // handed it to a client paging through (every row here is visible to the person).
  std::string page_10000;
  {
    ASSIGN_OR_RETURN(auto db, sql::Connection::Open(env.Database(env.clue_schema())));
    ASSIGN_OR_RETURN(sql::Rows last,
                     db->Query(absl::StrCat("SELECT id FROM clues WHERE number IS NOT NULL "
                                            "ORDER BY id DESC LIMIT 1 OFFSET ",
                                            int64_t{9999} * page_size - 1)));
    if (last.size() != 1) return Internal("BENCH_SETUP", "fewer clues than 10,000 pages");
    page_10000 = names::MakePageToken(absl::StrCat(last.Int(0, 0)), clue::PageFingerprint({}));
  }
  auto list = [&](std::string token) -> Call {
    return [&, token](int w) -> absl::Status {
      grpc::ClientContext ctx;
      Prepare(ctx, env, Path::kGateway, "");
      clue::v1::ListCluesRequest request;
      request.set_page_size(page_size);
      request.set_page_token(token);
      clue::v1::ListCluesResponse response;
      RETURN_IF_ERROR(ok(clue_gateway[w % settings.channels]->ListClues(&ctx, request, &response)));
      if (response.clues_size() != page_size) {
        return Internal("SHORT_PAGE", absl::StrCat(response.clues_size(), " clues on the page"));
      }
      return absl::OkStatus();
    };
  };
  auto page = [&](const char* id, const char* what, const char* baseline) {
    Figure f = closed(id, what, baseline);
    f.load.concurrency = 4;
    f.notes = {{"clues", absl::StrCat(settings.list_rows)}, {"page_size", absl::StrCat(page_size)}};
    return f;
  };
  run(page("P1", "ListClues page 1, through the gateway", ""), list(""));
  run(page("P10000", "ListClues page 10,000 (keyset)", "P1"), list(page_10000));

  // --- The assessment run as old data grows a hundredfold (the year's clues fixed).
  const int64_t year_clues = std::max<int64_t>(100, settings.list_rows / 100);
  ASSIGN_OR_RETURN(Assessment assessment, Assessment::Prepare(env, model_id, year_clues));
  auto assess = [&](const char* id, const char* what, const char* baseline, int factor) {
    Figure f = closed(id, what, baseline);
    f.load.concurrency = 1;
    f.notes = {{"clues_2025", absl::StrCat(year_clues)},
               {"clues_before", absl::StrCat(factor * year_clues)}};
    return f;
  };
  run(assess("A1", "CreateRun, 10 groups over 2025, 1x history", "", 1), assessment.Run());
  RETURN_IF_ERROR(assessment.GrowHistory(100));
  run(assess("A100", "the same run with 100x history", "A1", 100), assessment.Run());
  return figures;
}

}  // namespace paizhu::bench
