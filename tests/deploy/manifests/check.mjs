// Checks the Kubernetes manifests as an operator's cluster would meet them: every overlay
// renders (kubectl kustomize), every object validates against the Kubernetes schemas
// (kubernetes-models), every flag the manifests set (arguments and PAIZHU_* variables)
// exists in its binary and every flag without a default is set, file flags point into
// mounted Secrets or ConfigMaps that hold that file, and ports, probes and Services agree.
//
//   node check.mjs --root REPO --bin BUILD/bin --secrets SECRETS.yaml
// Prints the rendered object counts per overlay; exits 1 on the first overlay with
// problems (all of its problems listed).

import { execFileSync, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import * as models from "kubernetes-models";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (i % 2 ? pairs : [...pairs, [a.replace(/^--/, ""), all[i + 1]]]), []),
);
const OVERLAYS = ["base", "overlays/dev", "overlays/prod"];
// Flags without a default that a pod may leave unset, and why.
const OPTIONAL_WITHOUT_DEFAULT = {
  "port-file": "for tests and dev-up; Kubernetes finds the pod by its fixed --listen port",
  "db-socket": "the database is reached over TCP in a cluster",
  "http-port-file": "as --port-file: the HTTP port is fixed by --http-listen",
  "web-root": "the image holds no web console yet",
  // Plaintext inside the cluster in base and dev; overlays/prod sets them (below).
  "tls-cert-file": "TLS is the prod overlay's", "tls-key-file": "TLS is the prod overlay's",
  "client-ca-file": "TLS is the prod overlay's", "systems-file": "TLS is the prod overlay's",
  "upstream-ca-file": "TLS is the prod overlay's", "upstream-cert-file": "TLS is the prod overlay's",
  "upstream-key-file": "TLS is the prod overlay's",
  // paizhu-bench's echo backend is never deployed: the gateway routes it only under the bench.
  "bench-echo-addr": "paizhu-bench only", "bench-echo-key-file": "paizhu-bench only",
};
// Mutual TLS between the processes (prod): each service serves and calls with its
// certificate; the gateway calls with its own.
const INTERNAL_TLS = ["tls-cert-file", "tls-key-file", "client-ca-file", "upstream-ca-file", "upstream-cert-file", "upstream-key-file"];
const UPSTREAM_TLS = ["upstream-ca-file", "upstream-cert-file", "upstream-key-file"];
// What an overlay must set although the binary lets it be empty.
const REQUIRED_IN = {
  "overlays/prod": {
    "paizhu-gateway": ["tls-cert-file", "tls-key-file", "client-ca-file", "systems-file", ...UPSTREAM_TLS],
    "paizhu-org": INTERNAL_TLS, "paizhu-clue": INTERNAL_TLS, "paizhu-assess": INTERNAL_TLS,
  },
};
// What an overlay must leave unset: dev stays plaintext.
const FORBIDDEN_IN = {
  "overlays/dev": ["tls-cert-file", "tls-key-file", "client-ca-file", "systems-file", ...UPSTREAM_TLS],
};
// The readiness health name of each server (ARCHITECTURE.md, README.md).
const READINESS = {
  "paizhu-gateway": "paizhu.gateway",
  "paizhu-org": "paizhu.org.v1.OrgService",
  "paizhu-clue": "paizhu.clue.v1.ClueService",
  "paizhu-assess": "paizhu.assess.v1.AssessService",
};

function parseYaml(text, what) {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length) throw new Error(`${what}: ${doc.errors[0].message}`);
    return doc.toJSON();
  }).filter(Boolean);
}

function render(dir) {
  return parseYaml(execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" }), dir);
}

// kubernetes-models exports each API group in camel case: "networking.k8s.io/v1" ->
// models.networkingK8sIo.v1, "v1" -> models.v1.
function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const name = group.replace(/\.([a-z0-9])/g, (_, c) => c.toUpperCase());
  const versions = group === "" ? models : models[name];
  return versions?.[version]?.[kind] ?? null;
}

const helpCache = new Map();
// The flags of a binary: name -> has a default.
function flagsOf(binary) {
  if (!helpCache.has(binary)) {
    const path = join(args.bin, binary);
    if (!existsSync(path)) throw new Error(`no binary ${path}: build first`);
    // The usage goes to stderr.
    const run = spawnSync(path, ["--help"], { encoding: "utf8" });
    const help = `${run.stdout}${run.stderr}`;
    const flags = new Map();
    for (const m of help.matchAll(/^ {2}--([a-z0-9-]+)( \(default .*\))?$/gm)) flags.set(m[1], Boolean(m[2]));
    if (flags.size === 0) throw new Error(`${binary} --help listed no flags`);
    helpCache.set(binary, flags);
  }
  return helpCache.get(binary);
}

const envToFlag = (name) => name.replace(/^PAIZHU_/, "").toLowerCase().replace(/_/g, "-");

function checkOverlay(dir, objects, secrets, problems) {
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const find = (kind, name) => [...objects, ...secrets].find((o) => o.kind === kind && o.metadata.name === name);
  const fail = (what, message) => problems.push(`${dir}: ${what}: ${message}`);

  for (const o of objects) {
    const what = `${o.kind}/${o.metadata?.name}`;
    const Model = modelFor(o.apiVersion, o.kind);
    if (!Model) { fail(what, `no schema for ${o.apiVersion} ${o.kind}`); continue; }
    try { new Model(o).validate(); } catch (e) { fail(what, `invalid: ${e.message}`); }
  }

  const workloads = [...byKind("Deployment"), ...byKind("Job"), ...byKind("StatefulSet")];
  const servers = [];  // Deployments of paizhu binaries: their settings and mounted files
  for (const w of workloads) {
    const pod = w.spec.template.spec;
    for (const c of pod.containers) {
      const what = `${w.kind}/${w.metadata.name} container ${c.name}`;
      const binary = c.command?.[0];
      if (!binary?.startsWith("paizhu")) continue;  // e.g. the dev MariaDB
      let flags;
      try { flags = flagsOf(binary); } catch (e) { fail(what, e.message); continue; }

      // Every setting, wherever it comes from: ConfigMap variables, env, then arguments.
      const set = new Map();
      for (const ref of c.envFrom ?? []) {
        const cm = ref.configMapRef && find("ConfigMap", ref.configMapRef.name);
        if (!cm) { fail(what, `envFrom names a missing ConfigMap ${JSON.stringify(ref)}`); continue; }
        for (const [k, v] of Object.entries(cm.data ?? {})) {
          if (!k.startsWith("PAIZHU_")) { fail(what, `ConfigMap ${cm.metadata.name} sets ${k}, not a PAIZHU_ flag`); continue; }
          set.set(envToFlag(k), { value: v, from: `ConfigMap ${cm.metadata.name} ${k}` });
        }
      }
      for (const e of c.env ?? []) {
        if (e.name.startsWith("PAIZHU_")) set.set(envToFlag(e.name), { value: e.value, from: `env ${e.name}` });
      }
      for (const a of c.args ?? []) {
        const m = a.match(/^--([a-z0-9-]+)(?:=(.*))?$/);
        if (!m) { fail(what, `argument ${a} is not --flag[=value]`); continue; }
        set.set(m[1], { value: m[2] ?? "true", from: `argument ${a}` });
      }
      for (const [flag, { from }] of set) {
        if (!flags.has(flag)) fail(what, `${from}: ${binary} has no flag --${flag}`);
      }
      // The servers' (a migration Job serves nothing).
      for (const flag of w.kind === "Job" ? [] : REQUIRED_IN[dir]?.[binary] ?? []) {
        if (!set.has(flag)) fail(what, `--${flag} must be set in ${dir}`);
      }
      for (const flag of FORBIDDEN_IN[dir] ?? []) {
        if (set.has(flag)) fail(what, `--${flag} must not be set in ${dir} (plaintext)`);
      }
      const isJob = w.kind === "Job";
      if (!isJob) {
        for (const [flag, hasDefault] of flags) {
          if (!hasDefault && !set.has(flag) && !(flag in OPTIONAL_WITHOUT_DEFAULT)) {
            fail(what, `--${flag} has no default and is not set`);
          }
        }
      }
      const value = (flag) => set.get(flag)?.value;

      // File flags name files inside a mounted Secret or ConfigMap that holds them.
      for (const [flag, { value: path }] of set) {
        if (!flag.endsWith("-file") || flag === "port-file" || !path) continue;
        const mount = (c.volumeMounts ?? []).find((m) => path.startsWith(m.mountPath.replace(/\/?$/, "/")));
        if (!mount) { fail(what, `--${flag}=${path} is not inside a mounted volume`); continue; }
        const volume = pod.volumes.find((v) => v.name === mount.name);
        const key = path.slice(mount.mountPath.replace(/\/?$/, "/").length);
        const source = volume?.secret ? find("Secret", volume.secret.secretName)
          : volume?.configMap ? find("ConfigMap", volume.configMap.name) : null;
        if (!source) { fail(what, `--${flag}: volume ${mount.name} is no Secret or ConfigMap this repo makes`); continue; }
        if (!(key in (source.data ?? {}))) fail(what, `--${flag}: ${source.kind} ${source.metadata.name} has no key ${key}`);
      }

      if (isJob) {
        if (value("migrate-only") !== "true") fail(what, "a migration Job runs --migrate-only");
        continue;
      }
      if (w.kind === "Deployment") {
        // The text of a file flag's file, from the Secret or ConfigMap mounted there.
        const file = (flag) => {
          const path = value(flag);
          const mount = path && (c.volumeMounts ?? []).find((m) => path.startsWith(m.mountPath.replace(/\/?$/, "/")));
          const volume = mount && pod.volumes.find((v) => v.name === mount.name);
          const key = mount && path.slice(mount.mountPath.replace(/\/?$/, "/").length);
          if (volume?.secret) {
            const data = find("Secret", volume.secret.secretName)?.data?.[key];
            return data === undefined ? null : Buffer.from(data, "base64").toString("utf8");
          }
          return volume?.configMap ? find("ConfigMap", volume.configMap.name)?.data?.[key] ?? null : null;
        };
        servers.push({ what, name: w.metadata.name, labels: w.spec.template.metadata.labels, set, file });
      }
      // A server: verified schema, ports, probes, drain within the grace period.
      if (w.kind === "Deployment" && binary !== "paizhu-gateway" && value("migrate") !== "verify") {
        fail(what, "services run --migrate=verify (the Job migrates)");
      }
      const port = (name) => c.ports?.find((p) => p.name === name)?.containerPort;
      const listenPort = Number(String(value("listen") ?? "").split(":").pop());
      if (listenPort !== port("grpc")) fail(what, `--listen port ${listenPort} is not containerPort grpc ${port("grpc")}`);
      if (value("http-listen") && Number(value("http-listen").split(":").pop()) !== port("http")) {
        fail(what, "--http-listen port is not containerPort http");
      }
      if (Number(value("health-port")) !== port("health")) fail(what, `--health-port is not containerPort health`);
      if (Number(value("metrics-port")) !== port("metrics")) fail(what, `--metrics-port is not containerPort metrics`);
      const annotations = w.spec.template.metadata.annotations ?? {};
      if (Number(annotations["prometheus.io/port"]) !== port("metrics")) fail(what, "prometheus.io/port is not the metrics port");
      const ready = c.readinessProbe?.grpc, live = c.livenessProbe?.grpc;
      if (ready?.port !== port("health")) fail(what, "readinessProbe is not gRPC on the health port");
      if (live?.port !== port("health")) fail(what, "livenessProbe is not gRPC on the health port");
      if (ready?.service !== READINESS[binary]) fail(what, `readiness asks ${ready?.service}, not ${READINESS[binary]}`);
      if (live?.service) fail(what, `liveness asks ${live.service}, not the empty name`);
      const seconds = (d) => (d.endsWith("ms") ? Number(d.slice(0, -2)) / 1000 : d.endsWith("m") ? Number(d.slice(0, -1)) * 60 : Number(d.replace(/s$/, "")));
      const drain = seconds(value("drain-delay") ?? "5s") + seconds(value("shutdown-timeout") ?? "10s");
      if (!(pod.terminationGracePeriodSeconds > drain)) fail(what, `terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} is not longer than the drain (${drain} s)`);
      const sc = c.securityContext ?? {};
      if (!pod.securityContext?.runAsNonRoot || sc.readOnlyRootFilesystem !== true || sc.allowPrivilegeEscalation !== false) {
        fail(what, "runs as non-root, with a read-only root filesystem and no privilege escalation");
      }
      if (!c.volumeMounts?.some((m) => m.mountPath === "/tmp")) fail(what, "has an emptyDir for /tmp");
      if (!c.resources?.requests || !c.resources?.limits) fail(what, "sets requests and limits");

      // Addresses of other services: a Service of this render, on its grpc port.
      for (const [flag, { value: addr }] of set) {
        if (!flag.endsWith("-addr")) continue;
        const [host, p] = addr.replace(/^dns:\/\/\//, "").split(":");
        const svc = find("Service", host);
        if (!svc) { fail(what, `--${flag}=${addr}: no Service ${host}`); continue; }
        if (svc.spec.ports.find((sp) => sp.name === "grpc")?.port !== Number(p)) fail(what, `--${flag}=${addr}: not Service ${host}'s grpc port`);
        if (svc.spec.clusterIP !== "None") fail(what, `--${flag}: Service ${host} is not headless (callers balance per call)`);
      }
    }
  }

  // TLS between the processes agrees on both ends: a caller of a TLS service trusts the
  // CA that signed the service's certificate, which names the host the caller dials; a
  // service that requires client certificates gets one its CA signed. Plaintext both
  // ends, or TLS both ends.
  const certOf = (pem, what, flag) => {
    if (pem === null) return null;  // no such file: reported above
    try { return new X509Certificate(pem); } catch (e) { fail(what, `--${flag}: not a PEM certificate: ${e.message}`); return null; }
  };
  for (const caller of servers) {
    for (const [flag, { value: addr }] of caller.set) {
      if (!flag.endsWith("-addr")) continue;
      const host = addr.replace(/^dns:\/\/\//, "").split(":")[0];
      const svc = find("Service", host);
      const matches = (labels) => Object.entries(svc?.spec.selector ?? {}).every(([k, v]) => labels?.[k] === v);
      const callee = servers.find((s) => svc && matches(s.labels));
      if (!callee) continue;  // reported above
      const what = `${caller.what} -> ${callee.name}`;
      const serves = callee.set.has("tls-cert-file"), trusts = caller.set.has("upstream-ca-file");
      if (serves !== trusts) { fail(what, serves ? "the service serves TLS but the caller sets no --upstream-ca-file" : "the caller expects TLS (--upstream-ca-file) but the service serves plaintext"); continue; }
      if (!serves) continue;
      const served = certOf(callee.file("tls-cert-file"), callee.what, "tls-cert-file");
      const ca = certOf(caller.file("upstream-ca-file"), caller.what, "upstream-ca-file");
      if (served && ca && !served.verify(ca.publicKey)) fail(what, "the caller's --upstream-ca-file did not sign the service's certificate");
      if (served && !served.checkHost(host)) fail(what, `the service's certificate does not name ${host}`);
      if (!callee.set.has("client-ca-file")) continue;
      if (!caller.set.has("upstream-cert-file")) { fail(what, "the service requires a client certificate; the caller sets no --upstream-cert-file"); continue; }
      const presented = certOf(caller.file("upstream-cert-file"), caller.what, "upstream-cert-file");
      const clientCa = certOf(callee.file("client-ca-file"), callee.what, "client-ca-file");
      if (presented && clientCa && !presented.verify(clientCa.publicKey)) fail(what, "the service's --client-ca-file did not sign the caller's certificate");
    }
  }

  // Services select pods, and their ports name the pods' ports.
  for (const svc of byKind("Service")) {
    const what = `Service/${svc.metadata.name}`;
    const matches = (labels) => Object.entries(svc.spec.selector ?? {}).every(([k, v]) => labels?.[k] === v);
    const targets = workloads.filter((w) => w.kind !== "Job" && matches(w.spec.template.metadata.labels));
    if (targets.length !== 1) { fail(what, `selects ${targets.length} workloads, not 1`); continue; }
    const containerPorts = targets[0].spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    for (const sp of svc.spec.ports) {
      const cp = containerPorts.find((p) => p.name === sp.targetPort || p.containerPort === sp.targetPort);
      if (!cp) { fail(what, `port ${sp.name} targets ${sp.targetPort}, which no container has`); continue; }
      if (svc.spec.clusterIP === "None" && cp.containerPort !== sp.port) fail(what, `headless port ${sp.name} ${sp.port} differs from the pod's ${cp.containerPort}`);
    }
    if (READINESS[svc.metadata.name] && !svc.spec.ports.some((p) => p.name === "grpc" && p.appProtocol === "grpc")) {
      fail(what, "has a port named grpc with appProtocol grpc");
    }
  }
  // Every server: a PodDisruptionBudget, an autoscaler, its own ServiceAccount.
  for (const d of byKind("Deployment")) {
    const what = `Deployment/${d.metadata.name}`;
    const labels = d.spec.template.metadata.labels;
    const selects = (sel) => Object.entries(sel?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    if (!byKind("PodDisruptionBudget").some((p) => selects(p.spec.selector))) fail(what, "no PodDisruptionBudget");
    if (!byKind("HorizontalPodAutoscaler").some((h) => h.spec.scaleTargetRef.name === d.metadata.name)) fail(what, "no HorizontalPodAutoscaler");
    if (!find("ServiceAccount", d.spec.template.spec.serviceAccountName)) fail(what, "no ServiceAccount of its own");
  }
  for (const h of byKind("HorizontalPodAutoscaler")) {
    const d = find("Deployment", h.spec.scaleTargetRef.name);
    if (!d) fail(`HorizontalPodAutoscaler/${h.metadata.name}`, "scales a missing Deployment");
    else if (h.spec.minReplicas !== d.spec.replicas) fail(`HorizontalPodAutoscaler/${h.metadata.name}`, `minReplicas ${h.spec.minReplicas} differs from the Deployment's ${d.spec.replicas}`);
  }
  if (!byKind("NetworkPolicy").some((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress)) {
    problems.push(`${dir}: no default-deny NetworkPolicy`);
  }
}

const secrets = parseYaml(readFileSync(args.secrets, "utf8"), args.secrets);
for (const s of secrets) {
  try { new models.v1.Secret(s).validate(); } catch (e) { console.error(`make-secrets.sh: ${s.metadata?.name}: ${e.message}`); process.exit(1); }
}
let failed = false;
for (const overlay of OVERLAYS) {
  const dir = join(args.root, "deploy/k8s", overlay);
  const problems = [];
  let objects = [];
  try { objects = render(dir); } catch (e) { problems.push(`${overlay}: kubectl kustomize failed: ${e.message}`); }
  if (objects.length) checkOverlay(overlay, objects, secrets, problems);
  const counts = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  console.log(`${overlay}: ${objects.length} objects (${Object.entries(counts).sort().map(([k, n]) => `${n} ${k}`).join(", ")})`);
  for (const p of problems) console.log(`  FAIL ${p}`);
  failed ||= problems.length > 0 || objects.length === 0;
}
console.log(failed ? "manifests: FAILED" : "manifests: all checks passed");
process.exit(failed ? 1 : 0);
