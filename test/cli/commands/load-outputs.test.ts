import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../helpers/cli.js";
import {
  closedPortUrl,
  delayTarget,
  httpTarget,
  statusTarget,
  type TestTarget,
  tcpTarget,
} from "../../helpers/load-servers.js";
import { signalLoadAfterFirstSecond } from "../../helpers/signal-load.js";

const targets: TestTarget[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function track<T extends TestTarget>(t: Promise<T>): Promise<T> {
  const target = await t;
  targets.push(target);
  return target;
}
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "sb-load-out-"));
  dirs.push(d);
  return d;
};
const load = (args: string[]) => runCli(["load", ...args, "--workers", "1"], { timeoutMs: 30_000 });

describe("load: timing, dead targets and signals seen from the command line", () => {
  it("--timeout 0.3 fires between 270 and 330 ms", async () => {
    const t = await track(tcpTarget(() => {}));
    const r = await load([t.url, "--timeout", "0.3", "-d", "1", "-c", "3", "--json"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.report.errors.timeout).toBeGreaterThanOrEqual(3);
    expect(doc.report.latency.failure.min).toBeGreaterThanOrEqual(270);
    expect(doc.report.latency.failure.p50).toBeLessThanOrEqual(330);
  });

  it("stops against a dead target with one line naming address and error, exit 1, no scaling advice", async () => {
    const url = await closedPortUrl();
    const started = Date.now();
    const r = await load([url, "-d", "10"]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(1);
    const errorLines = r.stderr.split("\n").filter((l) => l.startsWith("error:"));
    expect(errorLines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error: nothing answers at 127\\.0\\.0\\.1:${new URL(url).port}: connection refused \\(ECONNREFUSED\\)`,
        ),
      ),
    ]);
    expect(r.stdout).toBe("");
    const json = await load([url, "-d", "10", "--json"]);
    const doc = JSON.parse(json.stdout);
    expect(doc.exitCode).toBe(1);
    expect(doc.report.deadTarget.address).toBe(`127.0.0.1:${new URL(url).port}`);
    expect(doc.verdict.reasons).toEqual([
      expect.stringMatching(/^nothing answers at 127\.0\.0\.1:/),
    ]);
    expect(JSON.stringify(doc.recommendations)).not.toMatch(/Little|connections to|req\/s at/i);
  });

  it("SIGTERM prints the --json document, writes every file and exits 143", async () => {
    const t = await track(delayTarget(5));
    const dir = tmp();
    const files = ["out.json", "series.csv", "run.html", "save.json"].map((f) => join(dir, f));
    const { code, stdout, stderr } = await signalLoadAfterFirstSecond(
      [
        t.url,
        "-d",
        "60",
        "--workers",
        "1",
        "--json",
        "--output",
        files[0]!,
        "--timeseries",
        files[1]!,
        "--report",
        files[2]!,
        "--save",
        files[3]!,
      ],
      "SIGTERM",
    );
    expect(code, stderr).toBe(143);
    const doc = JSON.parse(stdout);
    expect(doc.report.interrupted, stderr).toBe(true);
    expect(doc.exitCode).toBe(143);
    expect(doc.report.successes).toBeGreaterThan(0);
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(JSON.parse(readFileSync(files[0]!, "utf8")).exitCode).toBe(143);
  });
});

describe("load: secrets never reach any output", () => {
  it("masks the URL password and the Authorization value in stdout, stderr and every file", async () => {
    const seen: string[] = [];
    const t = await track(
      httpTarget((req, res) => {
        seen.push(String(req.headers.authorization));
        res.end("ok");
      }),
    );
    const port = new URL(t.url).port;
    const url = `http://admin:Sup3rS3cret@127.0.0.1:${port}/`;
    const dir = tmp();
    const files = ["o.json", "o.txt", "s.csv", "r.html", "snap.json"].map((f) => join(dir, f));
    const text = await load([
      url,
      "-d",
      "1",
      "-c",
      "2",
      "-H",
      "Authorization: Bearer tok-XYZZY-42",
      "--output",
      files[1]!,
      "--timeseries",
      files[2]!,
      "--report",
      files[3]!,
      "--save",
      files[4]!,
    ]);
    const json = await load([url, "-d", "1", "-c", "2", "--json", "--output", files[0]!]);
    const bad = await load([url, "-H", "Authorization Bearer tok-XYZZY-42"]);
    expect(text.code, text.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    expect(bad.code).toBe(2);
    // The URL's credentials go out as Basic auth when no Authorization header is given.
    expect(seen).toContain(`Basic ${Buffer.from("admin:Sup3rS3cret").toString("base64")}`);
    expect(seen).toContain("Bearer tok-XYZZY-42");
    const everything = [
      text.stdout,
      text.stderr,
      json.stdout,
      json.stderr,
      bad.stderr,
      bad.stdout,
      ...files.map((f) => readFileSync(f, "utf8")),
    ].join("\n");
    expect(everything).toContain("admin:***@");
    expect(everything).not.toContain("Sup3rS3cret");
    expect(everything).not.toContain("XYZZY");
    expect(everything).not.toContain(Buffer.from("admin:Sup3rS3cret").toString("base64"));
  });
});

describe("load: stages, time series and merged logs", () => {
  it("reports each --ramp stage in text and JSON, and a threshold can name a stage", async () => {
    const t = await track(delayTarget(2));
    const r = await load([t.url, "--ramp", "1s:1,1s:3", "--fail-on", "stage2.p99>0.001ms"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/stage1\s+1 conn\s+0 s/);
    expect(r.stdout).toMatch(/stage2\s+3 conn\s+1 s/);
    expect(r.stdout).toMatch(/--fail-on stage2\.p99>0\.001ms: stage 2 p99 was/);
    const j = await load([t.url, "--ramp", "1s:1,1s:3", "--json", "--fail-on", "stage1.errors>0"]);
    const doc = JSON.parse(j.stdout);
    expect(j.code, j.stderr).toBe(0);
    expect(
      doc.report.stages.map((s: { stage: number; target: number }) => [s.stage, s.target]),
    ).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(doc.report.stages[1].rps).toBeGreaterThan(doc.report.stages[0].rps);
    const wrong = await load([t.url, "--ramp", "1s:1,1s:3", "--fail-on", "stage3.p99>1ms"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: --fail-on stage3\.p99>1ms: the --ramp has 2 stages/);
  });

  it("--timeseries writes one row per second as CSV or JSON", async () => {
    const t = await track(statusTarget(200));
    const dir = tmp();
    const r = await load([t.url, "-d", "2", "-c", "2", "--timeseries", join(dir, "t.csv")]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(dir, "t.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("second,requests,rps,p50_ms,p90_ms,p99_ms,errors");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^1,\d+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,0$/);
    const j = await load([t.url, "-d", "1", "--timeseries", join(dir, "t.json")]);
    expect(j.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, "t.json"), "utf8"));
    expect(doc.rows[0]).toMatchObject({ second: 1, errors: 0 });
    expect(typeof doc.rows[0].p90_ms).toBe("number");
    const bad = await load([t.url, "--timeseries", join(dir, "t.txt")]);
    expect(bad.code).toBe(2);
  });

  it("load merge adds the interval logs of several generators exactly", async () => {
    const t = await track(delayTarget(3));
    const dir = tmp();
    const start = new Date(Date.now() + 3000).toISOString();
    const gen = (i: number) =>
      load([
        t.url,
        "-d",
        "2",
        "-c",
        "2",
        "--json",
        "--start-at",
        start,
        "--hdr-log",
        join(dir, `g${i}.hlog`),
      ]);
    const [a, b] = await Promise.all([gen(0), gen(1)]);
    const ra = JSON.parse(a.stdout).report;
    const rb = JSON.parse(b.stdout).report;
    const m = await runCli(["load", "merge", join(dir, "g0.hlog"), join(dir, "g1.hlog"), "--json"]);
    expect(m.code, m.stderr).toBe(0);
    const merged = JSON.parse(m.stdout);
    const validate = new Ajv2020({ allErrors: true, strict: false });
    (ajvFormats as unknown as (a: Ajv2020) => void)(validate);
    const schema = JSON.parse(
      readFileSync(join(repoRoot, "docs/json/load-merge.schema.json"), "utf8"),
    );
    expect(validate.validate(schema, merged), JSON.stringify(validate.errors)).toBe(true);
    expect(merged.requests).toBe(ra.successes + rb.successes);
    expect(merged.latency.count).toBe(ra.successes + rb.successes);
    // Equal within HdrHistogram's 3 significant digits (a log stores bucketed values).
    const close = (x: number, y: number) =>
      expect(Math.abs(x - y)).toBeLessThanOrEqual(Math.max(y * 0.001, 0.002));
    close(merged.latency.max, Math.max(ra.latency.success.max, rb.latency.success.max));
    close(merged.latency.min, Math.min(ra.latency.success.min, rb.latency.success.min));
    // Started together: the per-second rows line up (2 s, not 4).
    expect(merged.timeline.length).toBeLessThanOrEqual(3);
    const text = await runCli(["load", "merge", join(dir, "g0.hlog"), join(dir, "g1.hlog")]);
    expect(text.stdout).toMatch(/load merge: 2 logs/);
    const missing = await runCli(["load", "merge", join(dir, "nope.hlog")]);
    expect(missing.code).toBe(2);
    // A generator started after the shared start says it is out of step (it ran silently).
    const late = await load([t.url, "-d", "1", "--start-at", "2026-01-01T00:00:00Z"]);
    expect(late.code).toBe(0);
    expect(late.stderr).toMatch(
      /--start-at 2026-01-01T00:00:00\.000Z passed \d+ s ago: starting now/,
    );
    expect(missing.stderr).toMatch(/^error: cannot read .*nope\.hlog/);
  });
});
