// Clients that are not paizhu's own, against a running suite: Connect's JSON over HTTP
// (@connectrpc/connect-node) and gRPC (@grpc/grpc-js). Run by gateway_json_http_e2e_test,
// which starts the suite and sets:
//   PAIZHU_HTTP_URL     the gateway's HTTP port, e.g. http://127.0.0.1:40002
//   PAIZHU_GRPC_ADDR    the gateway's gRPC port, e.g. 127.0.0.1:40001
//   PAIZHU_ADMIN_TOKEN  a token of the bootstrap administrator
//   PAIZHU_DESCRIPTORS  a FileDescriptorSet of the public API (no code generation)
//   PAIZHU_UNIT         a fresh unit code for this run
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema, anyUnpack } from "@bufbuild/protobuf/wkt";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through gateway_json_http_e2e_test)`);
  return value;
}

const descriptors = readFileSync(env("PAIZHU_DESCRIPTORS"));
const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptors));
const OrgService = registry.getService("paizhu.org.v1.OrgService");
const ErrorInfo = registry.getMessage("google.rpc.ErrorInfo");
const BadRequest = registry.getMessage("google.rpc.BadRequest");
const RpcStatus = registry.getMessage("google.rpc.Status");
const token = env("PAIZHU_ADMIN_TOKEN");
const code = env("PAIZHU_UNIT");

function connectClient(bearer) {
  const interceptors = bearer
    ? [(next) => async (req) => {
        req.header.set("Authorization", `Bearer ${bearer}`);
        return next(req);
      }]
    : [];
  return createClient(
    OrgService,
    createConnectTransport({
      baseUrl: env("PAIZHU_HTTP_URL"),
      httpVersion: "1.1",
      useBinaryFormat: false,  // Connect's JSON form, which the gateway serves
      interceptors,
    }),
  );
}

async function connectError(promise) {
  try {
    await promise;
  } catch (err) {
    return ConnectError.from(err);
  }
  assert.fail("the call succeeded");
}

test("Connect JSON: create, get and list a unit", async () => {
  const org = connectClient(token);
  const created = await org.createUnit({
    unitId: code,
    unit: { kind: "township", displayName: "连接测试乡", establishedOn: "2020-01-01" },
  });
  assert.equal(created.name, `units/${code}`);
  assert.equal(created.displayName, "连接测试乡");
  assert.notEqual(created.etag, "");

  const read = await org.getUnit({ name: `units/${code}` });
  assert.equal(read.kind, "township");
  assert.equal(read.establishedOn, "2020-01-01");
  assert.equal(read.etag, created.etag);

  const listed = await org.listUnits({ kind: "township", pageSize: 1000 });
  assert.ok(listed.units.some((u) => u.name === `units/${code}`), "the new unit is listed");
  assert.ok(listed.units.every((u) => u.kind === "township"), "the filter applies");
});

test("Connect JSON: errors carry the code, reason and field", async () => {
  const org = connectClient(token);
  const missing = await connectError(org.getUnit({ name: "units/NO-SUCH-UNIT" }));
  assert.equal(missing.code, Code.NotFound);
  assert.equal(missing.findDetails(ErrorInfo)[0]?.reason, "UNIT_NOT_FOUND");

  const bad = await connectError(
    org.createUnit({ unitId: `${code}-B`, unit: { kind: "castle", establishedOn: "2020-01-01" } }),
  );
  assert.equal(bad.code, Code.InvalidArgument);
  assert.ok(bad.findDetails(BadRequest)[0]?.fieldViolations.length > 0, "the field is named");

  const anonymous = await connectError(connectClient("").listUnits({}));
  assert.equal(anonymous.code, Code.Unauthenticated);
  assert.equal(anonymous.rawMessage, "unauthenticated");
});

function grpcOrg() {
  const definition = protoLoader.loadFileDescriptorSetFromBuffer(descriptors, {
    keepCase: true,
    longs: String,
    enums: String,
  });
  const api = grpc.loadPackageDefinition(definition);
  return new api.paizhu.org.v1.OrgService(env("PAIZHU_GRPC_ADDR"), grpc.credentials.createInsecure());
}

function call(client, method, request, bearer) {
  const metadata = new grpc.Metadata();
  if (bearer) metadata.set("authorization", `Bearer ${bearer}`);
  return new Promise((resolve) => {
    client[method](request, metadata, { deadline: Date.now() + 10_000 }, (err, response) =>
      resolve({ err, response }),
    );
  });
}

test("grpc-js: read what Connect created, and errors with their details", async () => {
  const org = grpcOrg();
  try {
    const { err, response } = await call(org, "GetUnit", { name: `units/${code}` }, token);
    assert.equal(err, null);
    assert.equal(response.display_name, "连接测试乡");

    const missing = await call(org, "GetUnit", { name: "units/NO-SUCH-UNIT" }, token);
    assert.equal(missing.err.code, grpc.status.NOT_FOUND);
    const [details] = missing.err.metadata.get("grpc-status-details-bin");
    assert.ok(details, "the status details pass through the gateway");
    const status = fromBinary(RpcStatus, details);
    const info = status.details.map((any) => anyUnpack(any, registry)).find((m) => m?.reason);
    assert.equal(info?.reason, "UNIT_NOT_FOUND");

    const anonymous = await call(org, "ListUnits", {}, "");
    assert.equal(anonymous.err.code, grpc.status.UNAUTHENTICATED);
  } finally {
    org.close();
  }
});
