/**
 * load benchmark: requests/s of senior-backend's load engine, autocannon (and wrk when installed)
 * at 50 connections for 10 s against a minimal node:http target in its own process, plus the
 * throughput cost of the live screen (TUI in tmux vs headless). Every tool runs in its own process.
 *
 *   npm run build && npx tsx test/bench/load.bench.ts      (BENCH_LOAD_SECONDS=5 for a shorter run)
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cliPath, repoRoot } from "../helpers/cli.js";
import { TmuxSession } from "../helpers/tmux.js";

const CONNECTIONS = 50;

interface Figure {
  tool: string;
  rps: number | null;
  p50?: number;
  p99?: number;
  note?: string;
}

const TARGET = `
const http = require("node:http");
const server = http.createServer((req, res) => { req.resume(); res.end("ok"); });
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

/** The target runs in its own process so it does not share a thread with any load generator. */
async function startTarget(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ["-e", TARGET], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (d) => resolve(String(d).trim()));
    child.once("error", reject);
    setTimeout(() => reject(new Error("target did not start")), 10_000).unref();
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

async function ours(url: string, seconds: number): Promise<Figure> {
  const out = await run(
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
  const doc = JSON.parse(out) as {
    report: { rps: number; latency: { success: { p50: number; p99: number } } };
  };
  return {
    tool: "senior-backend load (1 thread)",
    rps: doc.report.rps,
    p50: doc.report.latency.success.p50,
    p99: doc.report.latency.success.p99,
  };
}

async function autocannon(url: string, seconds: number): Promise<Figure> {
  const require = createRequire(import.meta.url);
  const bin = join(repoRoot, "node_modules/autocannon/autocannon.js");
  const version = (require("autocannon/package.json") as { version: string }).version;
  const out = await run(
    process.execPath,
    [bin, "-c", String(CONNECTIONS), "-d", String(seconds), "-j", url],
    (seconds + 30) * 1000,
  );
  const doc = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
  };
  return {
    tool: `autocannon ${version}`,
    rps: doc.requests.average,
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
  const out = await run(
    found,
    ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", url],
    (seconds + 30) * 1000,
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /50%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const toMs = (m: RegExpExecArray | null) =>
    m ? Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1) : undefined;
  return {
    tool: "wrk (1 thread)",
    rps: Number.isFinite(rps) ? rps : null,
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
  const file = join(mkdtempSync(join(tmpdir(), "sb-load-bench-")), "tui.json");
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
    { columns: 100, rows: 30 },
  );
  try {
    const deadline = Date.now() + (seconds + 30) * 1000;
    while (!existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 300));
    session.type("q");
    const doc = JSON.parse(readFileSync(file, "utf8")) as {
      report: { rps: number; latency: { success: { p50: number; p99: number } } };
    };
    return {
      tool: "senior-backend load, live screen",
      rps: doc.report.rps,
      p50: doc.report.latency.success.p50,
      p99: doc.report.latency.success.p99,
    };
  } finally {
    session.kill();
  }
}

const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined ? "—" : v.toFixed(digits);

/** Mean of the rounds' figures of one tool (rounds interleave the tools to share the machine's noise). */
function combine(rounds: Figure[]): Figure {
  const measured = rounds.filter((f) => f.rps !== null);
  if (measured.length === 0) return rounds[0]!;
  const mean = (pick: (f: Figure) => number | undefined) => {
    const xs = measured.map(pick).filter((v): v is number => v !== undefined);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
  };
  return {
    tool: rounds[0]!.tool,
    rps: mean((f) => f.rps ?? undefined) ?? null,
    p50: mean((f) => f.p50),
    p99: mean((f) => f.p99),
    note: measured.map((f) => fmt(f.rps)).join(" / "),
  };
}

export async function runLoadBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
  const roundsWanted = Number(process.env.BENCH_LOAD_ROUNDS ?? 2);
  const target = await startTarget();
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
  const lines = [
    `load benchmark: ${CONNECTIONS} connections, ${seconds} s per run, ${roundsWanted} interleaved rounds (mean), minimal node:http target in its own process`,
    `${"tool".padEnd(34)}${"req/s".padStart(9)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}  ${"ours ÷ tool".padEnd(12)}rounds`,
    ...figures.map(
      (f) =>
        `${f.tool.padEnd(34)}${fmt(f.rps).padStart(9)}${fmt(f.p50, 2).padStart(8)}${fmt(f.p99, 2).padStart(8)}  ${(f.rps ? (base / f.rps).toFixed(2) : "—").padEnd(12)}${f.note ?? ""}`,
    ),
  ];
  const screen = figures[3]!;
  if (screen.rps && base) {
    const cost = ((base - screen.rps) / base) * 100;
    lines.push(
      `live screen cost: ${cost.toFixed(1)}% of headless throughput (goal: under 3%; same-run noise applies)`,
    );
  }
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
