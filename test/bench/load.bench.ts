/**
 * load benchmark: requests/s of senior-backend's load engine, autocannon and wrk (one thread each)
 * at 50 connections against the same target (nginx when installed, see load-bench-target.ts),
 * generators pinned to one core and the target to another, several interleaved rounds, median;
 * plus the throughput cost of the live screen (TUI at 80x24 in tmux vs headless, same core).
 *
 *   npm run bench -- load      (BENCH_LOAD_SECONDS=5, BENCH_LOAD_ROUNDS=5, BENCH_LOAD_TARGET=node)
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cliPath, repoRoot } from "../helpers/cli.js";
import { TmuxSession } from "../helpers/tmux.js";
import { pinning, startTarget } from "./load-bench-target.js";

const CONNECTIONS = 50;

interface Figure {
  tool: string;
  rps: number | null;
  /** CPU time (user + system) of the generator process per 10,000 requests, in ms. */
  cpu?: number;
  /** The same over the measured phase only (our per-second samples; startup excluded). */
  phaseCpu?: number;
  p50?: number;
  p99?: number;
  note?: string;
}

const pin = pinning();

/**
 * bash's `times` after the command: its children's user and system CPU. CPU per request is the
 * figure that stays put when other tenants of a shared machine take turns on the core.
 */
const TIMES = (file: string) => `"$@"; s=$?; times > ${file}; exit $s`;

/** CPU seconds (user + system) of the children, from a `times` output. */
function childCpu(text: string): number | undefined {
  const line = text.trim().split("\n")[1];
  const parts = [...(line ?? "").matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length < 2) return undefined;
  return parts.reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

/** Runs a generator on the generator core; `cpu` is its CPU time in seconds. */
function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ out: string; cpu?: number }> {
  return new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), "sb-load-cpu-"));
    const times = join(dir, "times");
    const argv = ["-c", TIMES(times), "bash", ...pin.generator, command, ...args];
    const child = spawn("bash", argv, { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      const cpu = existsSync(times) ? childCpu(readFileSync(times, "utf8")) : undefined;
      rmSync(dir, { recursive: true, force: true });
      resolve({ out, cpu });
    });
  });
}

interface OurDoc {
  report: {
    rps: number;
    requests: number;
    latency: { success: { p50: number; p99: number } };
    timeline: Array<{ cpu: number }>;
    elapsedSec: number;
  };
}

/** ms of CPU per 10k requests over the measured phase, from the report's per-second CPU %. */
function phaseCpuOf(doc: OurDoc): number | undefined {
  const t = doc.report.timeline;
  if (!t.length || doc.report.requests <= 0) return undefined;
  let cpuMs = 0;
  t.forEach((p, i) => {
    const seconds = i < t.length - 1 ? 1 : Math.max(0, doc.report.elapsedSec - (t.length - 1));
    cpuMs += (p.cpu / 100) * seconds * 1000;
  });
  return (cpuMs * 10_000) / doc.report.requests;
}

/** ms of CPU per 10,000 requests. */
const per10k = (cpu: number | undefined, requests: number) =>
  cpu === undefined || requests <= 0 ? undefined : (cpu * 1000 * 10_000) / requests;

async function ours(url: string, seconds: number): Promise<Figure> {
  const { out, cpu } = await run(
    process.execPath,
    [
      cliPath,
      "load",
      url,
      "-c",
      String(CONNECTIONS),
      "-d",
      String(seconds),
      "--workers",
      "1",
      "--no-tui",
      "--json",
    ],
    (seconds + 30) * 1000,
  );
  const doc = JSON.parse(out) as OurDoc;
  return {
    tool: "senior-backend load (1 thread)",
    rps: doc.report.rps,
    cpu: per10k(cpu, doc.report.requests),
    phaseCpu: phaseCpuOf(doc),
    p50: doc.report.latency.success.p50,
    p99: doc.report.latency.success.p99,
  };
}

async function autocannon(url: string, seconds: number): Promise<Figure> {
  const require = createRequire(import.meta.url);
  const bin = join(repoRoot, "node_modules/autocannon/autocannon.js");
  const version = (require("autocannon/package.json") as { version: string }).version;
  const { out, cpu } = await run(
    process.execPath,
    [bin, "-c", String(CONNECTIONS), "-d", String(seconds), "-j", url],
    (seconds + 30) * 1000,
  );
  const doc = JSON.parse(out) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
  };
  return {
    tool: `autocannon ${version}`,
    rps: doc.requests.average,
    cpu: per10k(cpu, doc.requests.total),
    p50: doc.latency.p50,
    p99: doc.latency.p99,
  };
}

async function wrk(url: string, seconds: number): Promise<Figure> {
  let found = "";
  try {
    found = execFileSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" }).trim();
  } catch {
    return { tool: "wrk", rps: null, note: "not installed" };
  }
  const { out, cpu } = await run(
    found,
    ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", url],
    (seconds + 30) * 1000,
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /50%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const toMs = (m: RegExpExecArray | null) =>
    m ? Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1) : undefined;
  const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  return {
    tool: "wrk (1 thread)",
    rps: Number.isFinite(rps) ? rps : null,
    cpu: per10k(cpu, total),
    p50: toMs(p50),
    p99: toMs(p99),
  };
}

/** The same run with the live screen in a real terminal (tmux); the result comes from --output. */
async function withScreen(url: string, seconds: number): Promise<Figure> {
  try {
    execFileSync("sh", ["-c", "command -v tmux"]);
  } catch {
    return { tool: "senior-backend load, live screen", rps: null, note: "tmux not installed" };
  }
  const dir = mkdtempSync(join(tmpdir(), "sb-load-bench-"));
  const file = join(dir, "tui.json");
  const session = new TmuxSession(
    [
      "load",
      url,
      "-c",
      String(CONNECTIONS),
      "-d",
      String(seconds),
      "--workers",
      "1",
      "--output",
      file,
    ],
    {
      columns: 80,
      rows: 24,
      launcher: ["bash", "-c", TIMES(join(dir, "times")), "bash", ...pin.generator],
    },
  );
  try {
    const deadline = Date.now() + (seconds + 30) * 1000;
    while (!existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 300));
    session.type("q");
    const doc = JSON.parse(readFileSync(file, "utf8")) as OurDoc;
    const timesFile = join(dir, "times");
    while (!existsSync(timesFile) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 100));
    const cpu = existsSync(timesFile) ? childCpu(readFileSync(timesFile, "utf8")) : undefined;
    return {
      tool: "senior-backend load, live screen",
      rps: doc.report.rps,
      cpu: per10k(cpu, doc.report.requests),
      phaseCpu: phaseCpuOf(doc),
      p50: doc.report.latency.success.p50,
      p99: doc.report.latency.success.p99,
    };
  } finally {
    session.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined ? "—" : v.toFixed(digits);

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of the rounds' figures of one tool (rounds interleave the tools to share the machine's noise). */
function combine(rounds: Figure[]): Figure {
  const measured = rounds.filter((f) => f.rps !== null);
  if (measured.length === 0) return rounds[0]!;
  const mid = (pick: (f: Figure) => number | undefined) =>
    median(measured.map(pick).filter((v): v is number => v !== undefined));
  return {
    tool: rounds[0]!.tool,
    rps: mid((f) => f.rps ?? undefined) ?? null,
    p50: mid((f) => f.p50),
    p99: mid((f) => f.p99),
    cpu: mid((f) => f.cpu),
    phaseCpu: mid((f) => f.phaseCpu),
    note: measured.map((f) => fmt(f.rps)).join(" / "),
  };
}

export async function runLoadBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
  const roundsWanted = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
  const target = await startTarget(pin.target);
  const tools = [ours, autocannon, wrk, withScreen];
  const rounds: Figure[][] = tools.map(() => []);
  try {
    for (let round = 1; round <= roundsWanted; round++) {
      for (const [i, measure] of tools.entries()) {
        process.stderr.write(`load bench: round ${round}, ${measure.name} …\n`);
        rounds[i]!.push(await measure(target.url, seconds));
      }
    }
  } finally {
    target.stop();
  }
  const figures = rounds.map(combine);
  const base = figures[0]!.rps ?? 0;
  const baseCpu = figures[0]!.cpu;
  const lines = [
    `load benchmark: ${CONNECTIONS} connections, ${seconds} s per run, ${roundsWanted} interleaved rounds (median); target: ${target.name}; ${pin.note}`,
    `${"tool".padEnd(34)}${"req/s".padStart(9)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}  ${"ours ÷ tool".padEnd(12)}${"CPU ms/10k req".padStart(15)}${"tool ÷ ours".padStart(12)}  rounds (req/s)`,
    ...figures.map(
      (f) =>
        `${f.tool.padEnd(34)}${fmt(f.rps).padStart(9)}${fmt(f.p50, 2).padStart(8)}${fmt(f.p99, 2).padStart(8)}  ${(f.rps ? (base / f.rps).toFixed(2) : "—").padEnd(12)}${fmt(f.cpu, 0).padStart(15)}${(f.cpu && baseCpu ? (baseCpu / f.cpu).toFixed(2) : "—").padStart(12)}  ${f.note ?? ""}`,
    ),
    "(CPU per request is the steadier figure on a shared machine: other tenants slow req/s, not CPU per request; tool ÷ ours above 1 means ours costs less.)",
  ];
  const screen = figures[3]!;
  if (screen.rps && base) {
    const cost = ((base - screen.rps) / base) * 100;
    lines.push(
      `live screen (80x24) cost: ${cost.toFixed(1)}% of headless throughput (goal: under 3%; same-run noise applies)`,
    );
  }
  if (screen.cpu && baseCpu)
    lines.push(
      `live screen (80x24) CPU per request, whole process: ${(((screen.cpu - baseCpu) / baseCpu) * 100).toFixed(1)}% above headless (includes loading Ink/React once)`,
    );
  const basePhase = figures[0]!.phaseCpu;
  if (screen.phaseCpu && basePhase)
    lines.push(
      `live screen (80x24) CPU per request, measured phase only: ${(((screen.phaseCpu - basePhase) / basePhase) * 100).toFixed(1)}% above headless (${fmt(basePhase)} vs ${fmt(screen.phaseCpu)} ms/10k req)`,
    );
  const ac = figures[1]!;
  if (ac.rps && base)
    lines.push(
      `goal ≥ autocannon on one core: ${base >= ac.rps ? "met" : "not met"} (${((base / ac.rps) * 100).toFixed(0)}%)`,
    );
  const w = figures[2]!;
  if (w.rps && base)
    lines.push(
      `goal ≥ 0.5× wrk per core (both on one thread): ${base >= w.rps * 0.5 ? "met" : "not met"} (${(base / w.rps).toFixed(2)}×)`,
    );
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runLoadBench().catch((error: unknown) => {
    process.stderr.write(
      `load bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
