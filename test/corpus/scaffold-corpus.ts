/**
 * `npm run corpus -- DIR [flags]`: scaffold every OpenAPI/Swagger document under DIR for each
 * framework, type-check the generated apps (`tsc --strict`), boot them, send one request per
 * operation and one to an unknown path, and print a table: generated / type-checked / booted /
 * answered, with the time and peak memory per spec. Third-party specs stay outside the repo.
 *
 * Flags: --frameworks express,fastify,koa   --sample N (every Nth spec)   --limit N
 *        --only REGEX (spec path)   --no-typecheck   --no-boot   --jobs N (generate in parallel, default 2)
 *        --cache DIR (shared node_modules; default ~/.cache/senior-backend/scaffold-corpus)
 *        --keep (leave the work folder)   --json FILE (every row as JSON)   --quiet (totals and failures only)
 */
import { spawn } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import {
  type BootJob,
  bootBatch,
  prepareWorkRoot,
  repoRoot,
  sharedNodeModules,
  typecheckBatch,
} from "./corpus-apps.js";
import { printTable, type Row } from "./corpus-table.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const has = (name: string) => args.includes(name);
const dir = args.find(
  (a, i) =>
    !a.startsWith("--") &&
    !args[i - 1]?.match(/^--(frameworks|sample|limit|only|jobs|cache|json)$/),
);
if (!dir) {
  process.stderr.write(
    "error: corpus needs a folder of OpenAPI documents\nhint: npm run corpus -- ../shared/corpora/openapi [--sample 5] [--frameworks express]\n",
  );
  process.exit(2);
}
const root = resolve(dir);
const frameworks = (flag("--frameworks") ?? "express,fastify,koa").split(",");
const sample = Number(flag("--sample") ?? 1);
const limit = Number(flag("--limit") ?? Number.POSITIVE_INFINITY);
const only = flag("--only") ? new RegExp(flag("--only")!) : undefined;
const jobs = Math.max(1, Number(flag("--jobs") ?? 2));
const cache = resolve(flag("--cache") ?? join(homedir(), ".cache/senior-backend/scaffold-corpus"));

/** Files whose top level declares `openapi:` or `swagger:` (fragments reached by $ref are not specs). */
function findSpecs(folder: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/i.test(entry.name) && statSync(full).size < 100 * 1024 * 1024) {
        // JSON writers put the version key anywhere at the top level: look at the whole text.
        const text = readFileSync(full, "utf8");
        if (/^(openapi|swagger)\s*:|^\s{0,4}"(openapi|swagger)"\s*:/m.test(text)) found.push(full);
      }
    }
  };
  walk(folder);
  return found;
}

let specs = findSpecs(root).filter((s) => !only || only.test(relative(root, s)));
specs = specs.filter((_, i) => i % sample === 0).slice(0, limit);
const work = mkdtempSync(join(tmpdir(), "sb-scaffold-corpus-"));
// A private copy of the built engine (inside the repo, so its packages resolve): a rebuild while
// the run goes on (another test, another terminal) cannot mix old and new modules.
const engineDist = join(repoRoot, ".tmp", `corpus-dist-${process.pid}`);
cpSync(join(repoRoot, "dist"), engineDist, { recursive: true });
const started = performance.now();
process.stderr.write(`${specs.length} specs × ${frameworks.join(", ")} → ${work}\n`);

interface GenLine {
  outcomes: Array<{
    framework: string;
    generated: boolean;
    ms: number;
    operations: number;
    files: number;
    error?: string;
  }>;
  requests: Array<{ method: string; path: string }>;
  dependencies: Record<string, string>;
  warnings: number;
  rssMb: number;
}

function generateOne(spec: string, id: string): Promise<GenLine> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, "test/corpus/corpus-generate-child.ts"),
        engineDist,
        spec,
        join(work, "apps", id),
        frameworks.join(","),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) return done(JSON.parse(line) as GenLine);
      const why =
        code === null
          ? "killed after 120 s"
          : `crashed (exit ${code}): ${
              err
                .trim()
                .split("\n")
                .find((l) => /Error/.test(l)) ??
              err.trim().split("\n")[0] ??
              ""
            }`;
      done({
        outcomes: frameworks.map((framework) => ({
          framework,
          generated: false,
          ms: 0,
          operations: 0,
          files: 0,
          error: why.slice(0, 300),
        })),
        requests: [],
        dependencies: {},
        warnings: 0,
        rssMb: 0,
      });
    });
  });
}

const rows: Row[] = [];
const requestsById = new Map<string, GenLine["requests"]>();
let dependencies: Record<string, string> = { "@types/node": "^24.0.0" };
let next = 0;
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < specs.length) {
      const index = next++;
      const spec = specs[index]!;
      const id = String(index).padStart(4, "0");
      const gen = await generateOne(spec, id);
      requestsById.set(id, gen.requests);
      dependencies = { ...dependencies, ...gen.dependencies };
      for (const o of gen.outcomes) {
        rows.push({
          id,
          spec: relative(root, spec),
          framework: o.framework,
          operations: o.operations,
          warnings: gen.warnings,
          generated: o.generated,
          ms: o.ms,
          rssMb: gen.rssMb,
          reason: o.error,
        });
      }
      if (!has("--quiet")) process.stderr.write(`\r generated ${index + 1}/${specs.length}`);
    }
  }),
);
process.stderr.write("\n");
rows.sort((a, b) =>
  a.id === b.id
    ? frameworks.indexOf(a.framework) - frameworks.indexOf(b.framework)
    : a.id < b.id
      ? -1
      : 1,
);

const generated = rows.filter((r) => r.generated);
if (!has("--no-typecheck") && generated.length > 0) {
  prepareWorkRoot(work, sharedNodeModules(cache, dependencies));
  const BATCH = 40;
  for (let i = 0; i < generated.length; i += BATCH) {
    const batch = generated.slice(i, i + BATCH);
    const result = await typecheckBatch(
      work,
      `b${i}`,
      batch.map((r) => join(work, "apps", r.id, r.framework)),
    );
    for (const r of batch) {
      const error = result.errors.get(`${r.id}/${r.framework}`);
      r.typechecked = error === undefined;
      if (error) r.reason = `tsc: ${error}`;
    }
    process.stderr.write(
      `\r type-checked ${Math.min(i + BATCH, generated.length)}/${generated.length}`,
    );
  }
  process.stderr.write("\n");
  if (!has("--no-boot")) {
    const bootable = generated.filter((r) => r.typechecked);
    const BOOT_BATCH = 25;
    for (let i = 0; i < bootable.length; i += BOOT_BATCH) {
      const batch = bootable.slice(i, i + BOOT_BATCH);
      const bootJobs: BootJob[] = batch.map((r) => ({
        id: r.id,
        framework: r.framework,
        dist: join(work, "dist", r.id, r.framework),
        requests: requestsById.get(r.id) ?? [],
      }));
      for (const line of await bootBatch(work, `b${i}`, bootJobs, 180_000)) {
        const r = batch.find((x) => x.id === line.id && x.framework === line.framework)!;
        r.booted = line.booted;
        r.answered = line.answered;
        r.requests = line.total;
        r.notFound = line.notFound;
        if (line.error) r.reason = `boot: ${line.error}`;
        else if (line.failures) r.reason = `requests: ${line.failures.join(" | ")}`;
      }
      process.stderr.write(
        `\r booted ${Math.min(i + BOOT_BATCH, bootable.length)}/${bootable.length}`,
      );
    }
    process.stderr.write("\n");
  }
}

printTable(rows, {
  quiet: has("--quiet"),
  typecheck: !has("--no-typecheck"),
  boot: !has("--no-typecheck") && !has("--no-boot"),
  seconds: (performance.now() - started) / 1000,
});
const jsonOut = flag("--json");
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
rmSync(engineDist, { recursive: true, force: true });
if (!has("--keep")) rmSync(work, { recursive: true, force: true });
