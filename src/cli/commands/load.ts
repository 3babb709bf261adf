import type { Command } from "commander";
import {
  checkStageThresholds,
  compareReports,
  DEFAULT_H2_STREAMS,
  DEMO_DEFAULTS,
  type DemoProfile,
  type DemoTarget,
  deadTargetMessage,
  type Gates,
  judgeRun,
  type LoadOutcome,
  type LoadPlan,
  loadSnapshot,
  parseDurationMs,
  parseFailOn,
  planLoad,
  runLoad,
  startDemoTarget,
} from "../../engine/load/index.js";
import { redactSecretsInText, UserError } from "../../engine/shared/index.js";
import { checkOutputFiles, outcomeDocument, writeLoadOutputs } from "../../report/load-outputs.js";
import { loadCompareText, loadReportText, progressLine } from "../../report/load-report-text.js";
import { action } from "../action.js";
import type { CliContext } from "../context.js";
import { EXIT, isInteractive, writeError, writeJson, writeStatus, writeText } from "../output.js";
import { startTui } from "../start-tui.js";
import { registerMergeCommand } from "./load-merge.js";

interface LoadFlags {
  concurrency?: string;
  duration?: string;
  method?: string;
  header?: string[];
  body?: string;
  timeout?: string;
  compare?: string | boolean;
  baseline?: string;
  save?: string;
  expectStatus?: string;
  expectRateLimit?: boolean;
  rate?: string;
  requests?: string;
  warmup?: string;
  ramp?: string;
  failOn?: string;
  workers?: string;
  slo?: string;
  profilesDir?: string;
  hdrLog?: string;
  http2?: boolean;
  streams?: string;
  insecure?: boolean;
  timeseries?: string;
  report?: string;
  startAt?: string;
  demo?: boolean;
  demoLatency?: string;
  demoJitter?: string;
  demoErrors?: string;
  json?: boolean;
  output?: string;
  tui: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerLoadCommand(program: Command, ctx: CliContext): void {
  const load = program.command("load");
  load
    .description("HTTP load test with correct percentiles, live charts and CI gates")
    .argument("[urls...]", "target URL; two URLs with --compare measure both side by side")
    .option("-c, --concurrency <n>", "connections (closed loop; with --rate: the connection cap)")
    .option(
      "-d, --duration <seconds>",
      "measured seconds, or with a unit: 500ms, 30s, 2m (default 10)",
    )
    .option("-m, --method <method>", "HTTP method (default GET)")
    .option("-H, --header <line>", 'request header "Name: Value" (repeatable)', collect)
    .option("-b, --body <json|@file>", "request body, or @FILE to read it from a file")
    .option("--timeout <seconds>", "per-request timeout (default 10)")
    .option("--rate <rps>", "open loop: constant arrival rate; latency from intended send time")
    .option("--requests <n>", "stop after exactly N measured requests")
    .option("--warmup <seconds>", "send for this long first without recording")
    .option("--ramp <stages>", "steps DURATION:LEVEL,… e.g. 10s:100,30s:1000 (LEVELrps for rates)")
    .option("--workers <n>", "worker threads sharing the load (default: cores − 1, at most 8)")
    .option("--compare [baseline]", "two URLs side by side, or a saved run (FILE) as the baseline")
    .option("--baseline <file>", "compare against a saved run (same as --compare FILE)")
    .option("--save <file>", "save this run as a baseline, e.g. snapshots/NAME.json")
    .option(
      "--fail-on <conditions>",
      'exit 1 when one holds: "p99>250ms,errors>1%,rps<500,regression"',
    )
    .option("--expect-status <code>", "pass only when every response has this status")
    .option("--expect-rate-limit", "pass only when the target answers 429 (rate limiting works)")
    .option(
      "--slo <profile|transcript>",
      "judge latency against a profile's floor or a grill transcript's",
    )
    .option(
      "--profiles-dir <dir>",
      "where --slo looks for profiles (default: the shipped profiles/)",
    )
    .option("--hdr-log <file>", "write an HdrHistogram interval log (one histogram per second)")
    .option(
      "--timeseries <file>",
      "write one row per second (req/s, p50, p90, p99, errors): .csv or .json",
    )
    .option("--report <file>", "write a self-contained HTML report with charts (FILE.html)")
    .option("--http2", "HTTP/2: ALPN over https://, h2c (prior knowledge) over http://")
    .option(
      "--streams <n>",
      `with --http2: requests per connection (default ${DEFAULT_H2_STREAMS})`,
    )
    .option("--insecure", "accept self-signed or otherwise unverifiable TLS certificates")
    .option(
      "--start-at <time>",
      "begin sending at this time (ISO 8601 or epoch seconds): several generators start together",
    )
    .option("--demo", "start a built-in local target and load it")
    .option("--demo-latency <ms>", `demo target base latency (default ${DEMO_DEFAULTS.latencyMs})`)
    .option(
      "--demo-jitter <ms>",
      `demo target random extra latency (default ${DEMO_DEFAULTS.jitterMs})`,
    )
    .option(
      "--demo-errors <percent>",
      `demo target 500 rate in % (default ${DEMO_DEFAULTS.errorRate * 100})`,
    )
    .option("--json", "print one JSON document (report, verdict, recommendations)")
    .option("--output <file>", "also write the result to FILE (JSON when it ends in .json)")
    .option("--no-tui", "no live screen even in a terminal (progress lines on stderr)")
    .action(action((urls: string[], flags: LoadFlags) => runLoadCommand(urls, flags, ctx)));
  registerMergeCommand(load, ctx);
}

async function runLoadCommand(urls: string[], flags: LoadFlags, ctx: CliContext): Promise<number> {
  const targets = [...urls];
  let baselinePath = flags.baseline;
  if (typeof flags.compare === "string") {
    if (/^https?:\/\//i.test(flags.compare)) targets.push(flags.compare);
    else if (baselinePath && baselinePath !== flags.compare)
      throw new UserError("--compare FILE and --baseline name different baselines");
    else baselinePath = flags.compare;
  }
  const compareUrls = targets.length === 2;
  if (flags.compare === true && !compareUrls)
    throw new UserError("--compare needs a second URL or a saved run", {
      hint: "load URL1 URL2 --compare, or load URL --compare snapshots/NAME.json",
    });
  if (targets.length > 2) throw new UserError("load takes one URL, or two with --compare");
  if (compareUrls && baselinePath)
    throw new UserError("compare two URLs or a baseline file, not both");
  if (compareUrls && flags.save) throw new UserError("--save takes a single URL");
  if (flags.demo && targets.length > 0)
    throw new UserError("--demo starts its own target; leave out the URL");
  if (targets.length === 0 && !flags.demo) {
    if (isInteractive() && flags.tui && !flags.json) return openScreen({});
    throw new UserError("no URL given", {
      hint: "senior-backend load http://127.0.0.1:3000/health --concurrency 50 --duration 30, or --demo for a built-in target",
    });
  }

  // Everything that can be wrong with the input fails here, before any traffic.
  const files = checkOutputFiles(flags);
  const startAt = flags.startAt ? parseStartAt(flags.startAt) : undefined;
  const gates: Gates = {
    failOn: flags.failOn ? parseFailOn(flags.failOn) : undefined,
    expectRateLimit: flags.expectRateLimit,
    baseline: baselinePath
      ? { path: baselinePath, snapshot: loadSnapshot(baselinePath) }
      : undefined,
    // The decision and grill engines (profiles, YAML, schemas) load only for --slo.
    slo: flags.slo
      ? await (await import("../../report/slo-target.js")).resolveSlo(flags.slo, flags.profilesDir)
      : undefined,
  };
  const demoProfile = flags.demo ? demoFromFlags(flags) : undefined;
  const input = (url: string) =>
    planLoad({
      url,
      method: flags.method,
      headers: flags.header,
      body: flags.body,
      concurrency: flags.concurrency,
      duration: flags.duration,
      requests: flags.requests,
      rate: flags.rate,
      ramp: flags.ramp,
      warmup: flags.warmup,
      timeout: flags.timeout,
      workers: flags.workers,
      expectStatus: flags.expectStatus,
      expectRateLimit: flags.expectRateLimit,
      http2: flags.http2,
      streams: flags.streams,
      insecure: flags.insecure,
    });
  const plans = (targets.length ? targets : ["http://127.0.0.1/"]).map(input);
  gates.expectStatus = plans[0]!.expectStatus;
  checkStageThresholds(gates.failOn ?? [], plans[0]!.ramp?.length ?? 0);

  let demo: DemoTarget | undefined;
  try {
    if (demoProfile) {
      demo = await startDemoTarget(demoProfile);
      plans[0] = { ...plans[0]!, url: demo.url };
    }
    if (!compareUrls && !flags.json && flags.tui && isInteractive()) {
      return await openScreen({
        plan: plans[0],
        gates,
        ...files,
        hdrLog: flags.hdrLog,
        startAt,
      });
    }
    if (compareUrls) return await comparePlans(plans[0]!, plans[1]!, gates, flags, ctx);
    const outcome = judgeRun(await measure(plans[0]!, flags, ctx, startAt), gates);
    const code = exitCode(outcome, ctx);
    const dead = outcome.report.deadTarget;
    // The report first: a file that cannot be written must not lose the run.
    if (flags.json) writeJson(outcomeDocument(outcome, code));
    else if (!dead) writeText(loadReportText(outcome));
    if (dead) writeError(deadTargetMessage(dead));
    const written = writeLoadOutputs(outcome, {
      ...files,
      exitCode: code,
      thresholds: gates.failOn,
      baseline: gates.baseline?.snapshot.report,
    });
    for (const path of written) writeStatus(`wrote ${path}`);
    return code;
  } finally {
    await demo?.close();
  }
}

/** What the load screen opens with when a command starts it (the screen declares the same shape). */
interface LoadScreenStart {
  plan?: LoadPlan;
  gates?: Gates;
  save?: string;
  output?: string;
  timeseries?: string;
  report?: string;
  hdrLog?: string;
  startAt?: number;
}

/** The live screen (React runs its production build: process-defaults.ts sets NODE_ENV before anything loads). */
async function openScreen(params: LoadScreenStart): Promise<number> {
  return startTui({ screen: "load", params });
}

function measure(plan: LoadPlan, flags: LoadFlags, ctx: CliContext, startAt?: number) {
  if (startAt !== undefined && startAt > Date.now())
    writeStatus(`waiting for the shared start at ${new Date(startAt).toISOString()}`);
  else if (startAt !== undefined && Date.now() - startAt >= 1_000)
    // A late generator's seconds do not line up with the others' (load merge adds them by second).
    writeStatus(
      `--start-at ${new Date(startAt).toISOString()} passed ${((Date.now() - startAt) / 1000).toFixed(0)} s ago: starting now, out of step with generators that started on time`,
    );
  writeStatus(
    `load ${plan.method} ${redactSecretsInText(plan.url)}${plan.http2 ? " (HTTP/2)" : ""}: ${plan.rate ? `${plan.rate} req/s` : plan.http2 ? `${plan.concurrency} in flight on ${Math.ceil(plan.concurrency / (plan.streams ?? 1))} connections` : `${plan.concurrency} connections`}, ${
      plan.requests ? `${plan.requests} requests` : `${plan.durationMs / 1000} s`
    }${plan.warmupMs ? ` after ${plan.warmupMs / 1000} s warmup` : ""}, ${plan.workers} thread${plan.workers > 1 ? "s" : ""}`,
  );
  return runLoad(plan, {
    signal: ctx.signal,
    startAt,
    hdrLogPath: flags.hdrLog,
    onEvent: ({ point, progress }) =>
      writeStatus(
        progressLine({
          ...point,
          total: progress.requests,
          durationSec: plan.durationMs / 1000,
          requestsTarget: plan.requests,
        }),
      ),
  });
}

async function comparePlans(
  a: LoadPlan,
  b: LoadPlan,
  gates: Gates,
  flags: LoadFlags,
  ctx: CliContext,
) {
  const first = judgeRun(await measure(a, flags, ctx), gates);
  if (ctx.signal.aborted) {
    const code = ctx.interruptCode();
    if (flags.json) writeJson({ a: outcomeDocument(first, code), b: null, comparison: null });
    else writeText(loadReportText(first));
    return code;
  }
  const second = judgeRun(await measure(b, flags, ctx), gates);
  const comparison = compareReports(first.report, second.report);
  if (flags.json)
    writeJson({
      a: outcomeDocument(first, exitCode(first, ctx)),
      b: outcomeDocument(second, exitCode(second, ctx)),
      comparison,
    });
  else writeText(loadCompareText(first, second, comparison));
  if (ctx.signal.aborted) return ctx.interruptCode();
  return first.verdict.passed && second.verdict.passed ? EXIT.ok : EXIT.gateFailed;
}

function exitCode(outcome: LoadOutcome, ctx: CliContext): number {
  if (ctx.signal.aborted || outcome.report.interrupted) return ctx.interruptCode();
  return outcome.verdict.passed ? EXIT.ok : EXIT.gateFailed;
}

function demoFromFlags(flags: LoadFlags): Partial<DemoProfile> {
  const profile: Partial<DemoProfile> = {};
  if (flags.demoLatency)
    profile.latencyMs = parseDurationMs(flags.demoLatency, "--demo-latency", "ms");
  if (flags.demoJitter) profile.jitterMs = parseDurationMs(flags.demoJitter, "--demo-jitter", "ms");
  if (flags.demoErrors !== undefined) {
    const pct = Number(flags.demoErrors.replace(/%$/, ""));
    if (!Number.isFinite(pct) || pct < 0 || pct > 100)
      throw new UserError(`--demo-errors: "${flags.demoErrors}" is not a percentage (0–100)`);
    profile.errorRate = pct / 100;
  }
  return profile;
}

/** `--start-at 2026-12-07T12:00:00Z` or epoch seconds; at most a day ahead. */
function parseStartAt(text: string): number {
  const at = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  if (!Number.isFinite(at))
    throw new UserError(`--start-at: "${text}" is not a time`, {
      hint: "give ISO 8601 (2026-12-07T12:00:00Z) or epoch seconds (date +%s)",
    });
  if (at - Date.now() > 86_400_000)
    throw new UserError(`--start-at ${text} is more than a day away`);
  return at;
}
