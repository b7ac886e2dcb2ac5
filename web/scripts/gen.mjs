// Generates the TypeScript types and service descriptors of the console from protos/
// (Debian's protoc with @bufbuild/protoc-gen-es), into src/gen/ (git-ignored).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const protos = resolve(web, "../protos");
const out = join(web, "src/gen");

function protoFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return protoFiles(path);
    return path.endsWith(".proto") ? [relative(protos, path)] : [];
  });
}

// The console calls paizhu's services and reads google.rpc error details; grpc.health
// is not for browsers.
const files = [...protoFiles(join(protos, "paizhu")), ...protoFiles(join(protos, "google"))];
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(
  "protoc",
  [
    `--plugin=protoc-gen-es=${join(web, "node_modules/.bin/protoc-gen-es")}`,
    `--es_out=${out}`,
    "--es_opt=target=ts,import_extension=none",
    `-I${protos}`,
    ...files,
  ],
  { stdio: "inherit" },
);
console.log(`generated ${files.length} protos into ${relative(web, out)}`);
