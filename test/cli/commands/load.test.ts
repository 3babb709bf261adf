import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import {
  closedPortUrl,
  delayTarget,
  httpTarget,
  statusTarget,
  type TestTarget,
} from "../../helpers/load-servers.js";
import { signalLoadAfterFirstSecond } from "../../helpers/signal-load.js";
import { tempDir } from "../../helpers/temp-dir.js";

const targets: TestTarget[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});
async function track<T extends TestTarget>(t: Promise<T>): Promise<T> {
  const target = await t;
  targets.push(target);
  return target;
}
const tmp = () => tempDir("load-cli");
const load = (args: string[]) => runCli(["load", ...args, "--workers", "1"], { timeoutMs: 30_000 });

describe("load command", () => {
  it("runs the original command line and reports throughput, percentiles and errors", async () => {
    const t = await track(delayTarget(5));
    const r = await load([t.url, "--concurrency", "5", "--duration", "1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/requests\s+[\d,]+ in 1\.0 s\s+[\d.]+ req\/s/);
    expect(r.stdout).toMatch(
      /latency\s+p50 [\d.]+ {2}p90 [\d.]+ {2}p95 [\d.]+ {2}p99 [\d.]+ {2}p99\.9 [\d.]+ {2}max [\d.]+ ms/,
    );
    expect(r.stdout).toContain("✔ passed");
    expect(r.stderr).toMatch(/\[\s+1\/1s\]\s+\d+ req\/s/);
  });

  it("sends the method, headers and body of the original POST example", async () => {
    const seen: { method?: string; auth?: string; type?: string; body: string }[] = [];
    const t = await track(
      httpTarget((req, res) => {
        let body = "";
        req.on("data", (c) => {
          body += c;
        });
        req.on("end", () => {
          seen.push({
            method: req.method,
            auth: req.headers.authorization,
            type: req.headers["content-type"],
            body,
          });
          res.end("ok");
        });
      }),
    );
    const r = await load([
      t.url,
      "--method",
      "POST",
      "--header",
      "Authorization: Bearer token123",
      "--body",
      '{"product_id": 1, "quantity": 2}',
      "--concurrency",
      "2",
      "--requests",
      "6",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toHaveLength(6);
    expect(seen[0]).toEqual({
      method: "POST",
      auth: "Bearer token123",
      type: "application/json",
      body: '{"product_id": 1, "quantity": 2}',
    });
  });

  it("prints exactly one JSON document with --json", async () => {
    const t = await track(statusTarget(200));
    const r = await load([t.url, "--requests", "50", "--concurrency", "5", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.report.requests).toBe(50);
    expect(doc.report.statuses).toEqual({ "200": 50 });
    expect(doc.verdict.passed).toBe(true);
    expect(doc.exitCode).toBe(0);
    expect(Array.isArray(doc.recommendations)).toBe(true);
  });

  it("exits 1 when a --fail-on threshold is breached and names it", async () => {
    const t = await track(delayTarget(20));
    const r = await load([t.url, "--requests", "20", "-c", "2", "--fail-on", "p50>1ms,errors>5%"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/✖ --fail-on p50>1ms: p50 was [\d.]+ ms/);
    expect(r.stdout).not.toContain("errors>5%:");
  });

  it("reports an all-failed run without 0 ms percentiles and exits 1", async () => {
    const url = await closedPortUrl();
    const r = await load([url, "--requests", "10", "-c", "2"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("no successful responses — no latency to report");
    expect(r.stdout).toContain("connection refused ×10");
    expect(r.stdout).not.toMatch(/p50 0(\.0+)?\s/);
  });

  it("--expect-status 400 passes on 400s and fails with the counts of what came instead", async () => {
    const bad = await track(statusTarget(400));
    const pass = await load([
      bad.url,
      "--method",
      "POST",
      "--body",
      '{"email": "not-an-email"}',
      "--expect-status",
      "400",
      "--requests",
      "10",
    ]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toContain("(10 ok, 0 failed");
    const good = await track(statusTarget(201));
    const fail = await load([good.url, "--expect-status", "400", "--requests", "10"]);
    expect(fail.code, fail.stderr).toBe(1);
    expect(fail.stdout).toContain(
      "expected 400 on every response; 0 were, got instead HTTP 201 ×10",
    );
  });

  it("--expect-rate-limit passes when 429s appear and fails when none do", async () => {
    const limited = await track(
      httpTarget((_req, res, n) => {
        if (n <= 20) return res.end("ok");
        res.writeHead(429, { "Retry-After": "1" });
        res.end();
      }),
    );
    const pass = await load([
      limited.url,
      "--concurrency",
      "4",
      "--requests",
      "40",
      "--expect-rate-limit",
    ]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/rate limit\s+20 × 429 from/);
    expect(pass.stdout).toContain("retry-after: 1");
    const open = await track(statusTarget(200));
    const fail = await load([open.url, "--requests", "20", "--expect-rate-limit"]);
    expect(fail.code, fail.stderr).toBe(1);
    expect(fail.stdout).toContain("--expect-rate-limit: no 429 in 20 requests");
  });

  it("saves a run and compares against it with `--compare baseline.json`", async () => {
    const t = await track(delayTarget(2));
    const dir = tmp();
    const saved = await load([
      t.url,
      "--duration",
      "1",
      "-c",
      "2",
      "--save",
      join(dir, "snapshots/base.json"),
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stderr).toContain("base.json");
    const r = await load([
      t.url,
      "--compare",
      join(dir, "snapshots/base.json"),
      "--duration",
      "1",
      "-c",
      "2",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/baseline .*base\.json \(saved .*\): /);
    expect(r.stdout).toMatch(/throughput\s+[\d.]+ req\/s\s+[\d.]+ req\/s\s+[+-][\d.]+%/);
    const json = await load([
      t.url,
      "--baseline",
      join(dir, "snapshots/base.json"),
      "--requests",
      "20",
      "--json",
    ]);
    const doc = JSON.parse(json.stdout);
    expect(
      doc.verdict.baseline.comparison.metrics.map((m: { metric: string }) => m.metric),
    ).toEqual(["rps", "p50", "p90", "p95", "p99", "errors"]);
  });

  it("compares two URLs side by side with a winner only beyond the noise", async () => {
    const fast = await track(delayTarget(1));
    const slow = await track(delayTarget(40));
    const r = await load([
      fast.url,
      slow.url,
      "--compare",
      "--concurrency",
      "4",
      "--duration",
      "1",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`A = ${fast.url}`);
    expect(r.stdout).toMatch(/p50 latency\s+[\d.]+ ms\s+[\d.]+ ms\s+\+[\d.]+%\s+A/);
    expect(r.stdout).toMatch(/throughput\s+.*-[\d.]+%\s+A/);
  });

  it("judges against a profile's SLO floor", async () => {
    const t = await track(delayTarget(5));
    const r = await load([t.url, "--requests", "30", "--slo", "node-express"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /SLO node-express \(profile\): p50 [\d.]+ ms ≤ 80 ms ✔ .* p99 [\d.]+ ms ≤ 600 ms ✔/,
    );
  });

  it("takes the SLO floor from a grill transcript through the decision engine", async () => {
    const dir = tmp();
    const grill = await runCli([
      "grill",
      "--answers",
      "examples/answers.yaml",
      "--transcript-dir",
      dir,
      "--json",
    ]);
    expect(grill.code, grill.stderr).toBe(0);
    const transcript = JSON.parse(grill.stdout).transcript as string;
    const t = await track(delayTarget(5));
    const r = await load([t.url, "--requests", "30", "--slo", transcript, "--json"]);
    const slo = JSON.parse(r.stdout).verdict.slo;
    expect(slo.target).toMatchObject({ name: "node-express", source: "transcript" });
    expect(slo.target.latencyMs.p99).toBeLessThanOrEqual(600);
    // A 5 ms target meets the floor unless the machine is starved; either way the exit code follows the verdict.
    expect(r.code, r.stderr).toBe(slo.passed ? 0 : 1);
  });

  it("runs the built-in demo target and writes --output and --hdr-log files", async () => {
    const dir = tmp();
    const r = await load([
      "--demo",
      "--requests",
      "30",
      "--output",
      join(dir, "out.json"),
      "--hdr-log",
      join(dir, "run.hlog"),
      "--demo-errors",
      "0",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/load GET http:\/\/127\.0\.0\.1:\d+\/demo/);
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).report.requests).toBe(30);
    expect(readFileSync(join(dir, "run.hlog"), "utf8")).toContain("#[StartTime:");
  });

  it("--output creates its folder like --save, and a file it cannot write never loses the report", async () => {
    const t = await track(delayTarget(1));
    const dir = tmp();
    const made = await load([t.url, "--requests", "20", "--output", join(dir, "new", "run.txt")]);
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(join(dir, "new", "run.txt"), "utf8")).toMatch(/requests\s+20 in/);
    const blocked = await load([t.url, "--requests", "20", "--output", join(dir, "new")]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/error: cannot write .*new \(EISDIR\)/);
    expect(blocked.stdout).toMatch(/requests\s+20 in/);
  });

  /** Run `load ARGS`, send SIGINT after the first progress line, and collect what it printed. */
  function interruptAfterFirstSecond(args: string[]) {
    return signalLoadAfterFirstSecond([...args, "--workers", "1"], "SIGINT");
  }

  it("stops on Ctrl+C (SIGINT), prints the summary so far and exits 130", async () => {
    const t = await track(delayTarget(5));
    const { code, stdout } = await interruptAfterFirstSecond([t.url, "-d", "60", "-c", "2"]);
    expect(code).toBe(130);
    expect(stdout).toMatch(/\(stopped early\)/);
    expect(stdout).toMatch(/requests\s+[\d,]+ in \d/);
  });

  it("with --json, Ctrl+C still prints one JSON document whose exitCode is the 130 it exits with", async () => {
    const t = await track(delayTarget(5));
    const single = await interruptAfterFirstSecond([t.url, "-d", "60", "-c", "2", "--json"]);
    expect(single.code).toBe(130);
    const doc = JSON.parse(single.stdout);
    expect(doc.report.interrupted).toBe(true);
    expect(doc.exitCode).toBe(130);
    const u = await track(delayTarget(5));
    const pair = await interruptAfterFirstSecond([
      t.url,
      u.url,
      "--compare",
      "-d",
      "60",
      "-c",
      "2",
      "--json",
    ]);
    expect(pair.code).toBe(130);
    const both = JSON.parse(pair.stdout);
    expect(both.a.report.interrupted).toBe(true);
    expect(both.a.exitCode).toBe(130);
    expect(both.b).toBeNull();
  });

  it.each([
    [["not-a-url"], /^error: "not-a-url" is not a URL\nhint: /],
    [["http://127.0.0.1:9/", "--method", "FETCH"], /^error: unknown method "FETCH"/],
    // The hint's example is not a secret header (it was printed masked: "Authorization: ***").
    [
      ["http://127.0.0.1:9/", "--header", "broken"],
      /^error: malformed header "broken"\nhint: [^*]*"Content-Type: application\/json"/,
    ],
    [["http://127.0.0.1:9/", "-c", "100000000"], /^error: --concurrency 100000000: at most 65535/],
    [["http://127.0.0.1:9/", "-d", "99999999"], /^error: --duration: "99999999" is longer than/],
    [["http://127.0.0.1:9/", "-m", "POST", "--body", "{nope"], /^error: --body is not valid JSON/],
    [
      ["http://127.0.0.1:9/", "-m", "POST", "--body", "@/no/such/file.json"],
      /^error: cannot read body file/,
    ],
    [["http://127.0.0.1:9/", "--fail-on", "p99>>1"], /^error: --fail-on: cannot read "p99>>1"/],
    [
      ["http://127.0.0.1:9/", "--compare", "/no/such/baseline.json"],
      /^error: cannot read baseline/,
    ],
    [["http://127.0.0.1:9/", "--slo", "nope"], /^error: unknown profile "nope"/],
    [[], /^error: no URL given\nhint: /],
    [["http://127.0.0.1:9/", "--compare"], /^error: --compare needs a second URL or a saved run/],
  ])("exits 2 with a one-line error for %j", async (args, message) => {
    const r = await load(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });
});
