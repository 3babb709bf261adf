/**
 * `--help` start-up benchmark: `senior-backend <command> --help` (the built bin, stdout a pipe) beside
 * a bare `node -e 0` from the same run, median of alternating runs. Goal: at most 5× node's own
 * start-up, which the lazy command loading (src/cli/commands/index.ts) keeps.
 *
 *   npm run bench -- help
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = resolve(root, "dist/cli/main.js");
const RUNS = 15;
const GOAL_RATIO = 5;
const COMMANDS = ["", "grill", "decide", "load", "db", "scaffold", "audit"];

function timeMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, {
    env,
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 30_000,
  });
  const ms = performance.now() - t0;
  if (result.status !== 0) {
    throw new Error(
      `node ${args.join(" ")} exited ${result.status}: ${result.stderr.toString().slice(0, 300)}`,
    );
  }
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

export async function runHelpBench(): Promise<void> {
  // Warm the file cache once for each, then alternate so both see the same machine load.
  timeMs(["-e", "0"]);
  for (const command of COMMANDS) timeMs([bin, ...(command ? [command] : []), "--help"]);
  const rows: Array<{ label: string; ours: number; node: number }> = [];
  for (const command of COMMANDS) {
    const ours: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(timeMs(["-e", "0"]));
      ours.push(timeMs([bin, ...(command ? [command] : []), "--help"]));
    }
    rows.push({
      label: `${command ? `${command} ` : ""}--help`,
      ours: median(ours),
      node: median(node),
    });
  }
  // For reference: the same request laid out live (no build-time help cache), loading the command.
  const live: number[] = [];
  const liveNode: number[] = [];
  const env = { ...process.env, SENIOR_BACKEND_HELP_CACHE: "off" };
  for (let i = 0; i < RUNS; i++) {
    liveNode.push(timeMs(["-e", "0"]));
    live.push(timeMs([bin, "audit", "--help"], env));
  }
  const liveRow = { label: "audit --help, live", ours: median(live), node: median(liveNode) };
  const out: string[] = [
    `node ${process.version}, median of ${RUNS} runs each, stdout a pipe`,
    "",
    `${"command".padEnd(18)}${"ours ms".padStart(9)}${"node -e 0 ms".padStart(14)}${"ratio".padStart(8)}  goal ≤ ${GOAL_RATIO}×`,
  ];
  for (const r of rows) {
    const ratio = r.ours / r.node;
    out.push(
      `${r.label.padEnd(18)}${r.ours.toFixed(1).padStart(9)}${r.node.toFixed(1).padStart(14)}${`${ratio.toFixed(2)}×`.padStart(8)}  ${ratio <= GOAL_RATIO ? "ok" : "OVER"}`,
    );
  }
  const worst = Math.max(...rows.map((r) => r.ours / r.node));
  const liveRatio = liveRow.ours / liveRow.node;
  out.push(
    `${liveRow.label.padEnd(18)}${liveRow.ours.toFixed(1).padStart(9)}${liveRow.node.toFixed(1).padStart(14)}${`${liveRatio.toFixed(2)}×`.padStart(8)}  (without the build-time help cache; not a goal)`,
  );
  out.push("", `worst ratio ${worst.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×)`);
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runHelpBench();
