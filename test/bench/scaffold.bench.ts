/**
 * Scaffold benchmark: a synthetic spec of GitHub's scale (~1,450 operations, ~1,200 schemas, 12 MB of
 * JSON, as GitHub publishes it; and the same document as YAML, its other published form), scaffolded
 * for each framework, beside openapi-typescript generating types for the same spec in the same run. Each tool runs in its own child process, which reports its time and its peak RSS
 * (`process.resourceUsage().maxRSS`). Goal: each under 5 s and 500 MB, and no slower than
 * openapi-typescript is for types alone.
 *
 * `--spec FILE` (repeatable) also runs a real published spec the same way, e.g. the largest one
 * gathered for the corpus (OpenAI's 3 MB openapi.yaml).
 *
 *   npm run bench -- scaffold --spec /work/corpora/openapi-vendors/openai.yaml
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dump } from "js-yaml";
import { syntheticSpec } from "./synthetic-openapi.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const peerDir = resolve(root, "test/bench/peers/openapi-typescript");
const FRAMEWORKS = ["express", "fastify", "koa"] as const;
const GOAL_MS = 5_000;
const GOAL_MB = 500;
const CHILD_TIMEOUT_MS = 120_000;

interface Measure {
  label: string;
  ms: number;
  /** CPU time (user + system): steadier than wall time on a shared, busy machine. */
  cpuMs: number;
  rssMb: number;
  stages: Record<string, number>;
  note: string;
}

/** Our engine, as the CLI runs it: import, load + validate + model, generate. */
const OURS = `
const [index, spec, framework, out] = process.argv.slice(1);
const t0 = performance.now();
const { loadSpec, generate } = await import(index);
const t1 = performance.now();
const { model } = await loadSpec(spec);
const t2 = performance.now();
const result = await generate(model, { framework, outputDir: out });
const t3 = performance.now();
const ru = process.resourceUsage();
process.stdout.write(JSON.stringify({ ms: t3 - t0, rssKb: ru.maxRSS, cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000,
  stages: { import: t1 - t0, load: t2 - t1, generate: t3 - t2 },
  note: result.files.length + " files, " + result.handlers + " handlers" }));
`;

/** openapi-typescript 7 as its CLI runs it: bundle/resolve the spec, build the AST, print, write. */
const PEER = `
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
const [index, spec, out] = process.argv.slice(1);
const t0 = performance.now();
const { default: openapiTS, astToString } = await import(index);
const t1 = performance.now();
const ast = await openapiTS(pathToFileURL(spec));
const t2 = performance.now();
const text = astToString(ast);
await writeFile(out, text);
const t3 = performance.now();
const ru = process.resourceUsage();
process.stdout.write(JSON.stringify({ ms: t3 - t0, rssKb: ru.maxRSS, cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000,
  stages: { import: t1 - t0, load: t2 - t1, generate: t3 - t2 },
  note: (text.length / 1e6).toFixed(1) + " MB of types" }));
`;

function runChild(label: string, code: string, args: string[]): Promise<Measure> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", code, "--", ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, CHILD_TIMEOUT_MS);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) {
        fail(new Error(`${label} did not finish in ${CHILD_TIMEOUT_MS / 1000} s`));
        return;
      }
      if (code !== 0) {
        fail(
          new Error(
            `${label} failed (exit ${code}): ${stderr.trim().split("\n").slice(0, 5).join(" / ")}`,
          ),
        );
        return;
      }
      const r = JSON.parse(stdout) as {
        ms: number;
        cpuMs: number;
        rssKb: number;
        stages: Record<string, number>;
        note: string;
      };
      done({
        label,
        ms: r.ms,
        cpuMs: r.cpuMs,
        rssMb: r.rssKb / 1024,
        stages: r.stages,
        note: r.note,
      });
    });
  });
}

function ensurePeerInstalled(): string {
  const entry = resolve(peerDir, "node_modules/openapi-typescript/dist/index.mjs");
  if (!existsSync(entry)) {
    process.stderr.write(
      "installing the benchmark peer (openapi-typescript 7 with TypeScript 5)…\n",
    );
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", peerDir], {
      stdio: "inherit",
    });
  }
  return pathToFileURL(entry).href;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** Paths given with `--spec FILE` on the command line. */
export function benchSpecs(argv: string[]): string[] {
  return argv.flatMap((a, i) => (argv[i - 1] === "--spec" ? [resolve(a)] : []));
}

export async function runScaffoldBench(specs: string[] = benchSpecs(process.argv)): Promise<void> {
  const ourIndex = pathToFileURL(resolve(root, "dist/engine/scaffold/index.js")).href;
  if (!existsSync(fileURLToPath(ourIndex)))
    throw new Error("dist/ is missing: run `npm run build` first");
  const peerIndex = ensurePeerInstalled();
  const dir = await mkdtemp(join(tmpdir(), "sb-scaffold-bench-"));
  try {
    // GitHub's published spec: about 12 MB of JSON (the same document is published as YAML).
    const document = syntheticSpec({ resources: 290, schemas: 1200 });
    const specPath = join(dir, "openapi.json");
    await writeFile(specPath, JSON.stringify(document, null, 2));
    await benchOne(specPath, "synthetic spec of GitHub's scale, JSON", ourIndex, peerIndex, dir);
    const yamlPath = join(dir, "openapi.yaml");
    await writeFile(yamlPath, dump(document, { lineWidth: 100, noRefs: true }));
    process.stdout.write("\n");
    await benchOne(yamlPath, "the same spec as YAML", ourIndex, peerIndex, dir);
    for (const spec of specs) {
      if (!existsSync(spec)) throw new Error(`--spec ${spec}: no such file`);
      process.stdout.write("\n");
      await benchOne(spec, `published spec ${spec}`, ourIndex, peerIndex, dir);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchOne(
  specPath: string,
  label: string,
  ourIndex: string,
  peerIndex: string,
  dir: string,
) {
  const size = (await stat(specPath)).size;
  const peer = await runChild("openapi-typescript (types only)", PEER, [
    peerIndex,
    specPath,
    join(dir, "peer-types.d.ts"),
  ]);
  const ours: Measure[] = [];
  for (const framework of FRAMEWORKS) {
    const out = join(dir, `out-${framework}`);
    await rm(out, { recursive: true, force: true });
    ours.push(
      await runChild(`senior-backend scaffold (${framework})`, OURS, [
        ourIndex,
        specPath,
        framework,
        out,
      ]),
    );
  }
  const operations = /(\d+) handlers/.exec(ours[0]?.note ?? "")?.[1] ?? "?";
  const rows = [...ours, peer];
  const lines = [
    `scaffold benchmark — ${label}: ${operations} operations, ${fmt(size / 1e6, 1)} MB (one child process per tool)`,
    "",
    `${"tool".padEnd(36)} ${"time s".padStart(8)} ${"CPU s".padStart(6)} ${"peak RSS MB".padStart(12)} ${"time ×peer".padStart(11)} ${"RSS ×peer".padStart(10)}  stages (import / load / generate, s)   output`,
  ];
  for (const m of rows) {
    const stages = ["import", "load", "generate"]
      .map((s) => fmt((m.stages[s] ?? 0) / 1000))
      .join(" / ");
    lines.push(
      `${m.label.padEnd(36)} ${fmt(m.ms / 1000).padStart(8)} ${fmt(m.cpuMs / 1000).padStart(6)} ${fmt(m.rssMb, 0).padStart(12)} ${fmt(m.ms / peer.ms).padStart(11)} ${fmt(m.rssMb / peer.rssMb).padStart(10)}  ${stages.padEnd(36)} ${m.note}`,
    );
  }
  const worstMs = Math.max(...ours.map((m) => m.ms));
  const worstMb = Math.max(...ours.map((m) => m.rssMb));
  const worstCpu = Math.max(...ours.map((m) => m.cpuMs));
  const load = loadavg()[0] ?? 0;
  lines.push(
    "",
    `goal: every scaffold under ${GOAL_MS / 1000} s and ${GOAL_MB} MB → ${worstMs < GOAL_MS && worstMb < GOAL_MB ? "met" : "NOT met"} (slowest ${fmt(worstMs / 1000)} s, largest ${fmt(worstMb, 0)} MB)`,
    `machine load: ${fmt(load)} on ${availableParallelism()} cores${load > availableParallelism() ? " (busy: wall times are inflated; CPU s and the ratios are steadier)" : ""}; slowest scaffold ${fmt(worstCpu / 1000)} CPU s`,
    `goal: no slower than openapi-typescript for types alone (${fmt(peer.ms / 1000)} s) → ${worstMs <= peer.ms ? "met" : "NOT met"} (slowest ×${fmt(worstMs / peer.ms)})`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runScaffoldBench();
}
