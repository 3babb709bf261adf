import { copyFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../helpers/cli.js";
import { DECIDE_EXAMPLE } from "../../helpers/decide-example.js";
import { tempDir } from "../../helpers/temp-dir.js";

const EXAMPLE = DECIDE_EXAMPLE;

let work: string;
beforeAll(async () => {
  work = tempDir("decide-cli");
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("senior-backend decide", () => {
  it("runs the documented example: node-express, markdown with kills first, exit 0", async () => {
    const run = await runCli(EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out).toMatch(/^# Decision: recommended — node-express .*fit 100\.0\/100/);
    const order = [
      "## Kill criteria",
      "## Best fit",
      "How to read the fit",
      "| input | your answer | profile constraint | hard/soft | weight | result | points |",
      "## Runner-up",
      "## Stack",
      "## Anti-patterns",
    ]
      .concat(["## Approvers", "## SLO floor", "## Next concerns"])
      .map((h) => out.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(out).toContain("| language | typescript | typescript | hard | 3 | matched | +3 |");
    // nothing stated: the profile's values are suggested defaults, marked †
    expect(out).toContain("| 80 ms† | 250 ms† | 600 ms† | 99.5%† | 60 min† | 120 min† |");
    expect(out).toContain("Incomplete: no availability SLO, RPO, RTO stated");
    expect(out).toContain("**Production schema change**: Tech lead, DBA, On-call engineer");
  });

  it("prints exactly one JSON document with --json (and --output json)", async () => {
    for (const flag of [["--json"], ["--output", "json"]]) {
      const run = await runCli([...EXAMPLE, ...flag]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      const doc = JSON.parse(run.stdout);
      expect(Object.keys(doc)[0]).toBe("status");
      expect(doc.status).toBe("recommended");
      expect(doc.best.score.profile).toBe("node-express");
      expect(doc.best.approvers.autoApproved).toBe(false);
      expect(doc.kills).toEqual([]);
      expect(doc.best.sloFloor.latencyMs).toEqual({ p50: 80, p95: 250, p99: 600 });
      expect(doc.ranking).toHaveLength(4);
    }
  });

  it("exits 2 and lists every missing required input", async () => {
    const run = await runCli(["decide", "--team-size", "8", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const flag of [
      "--read-write-ratio",
      "--qps-p99",
      "--tenancy",
      "--data-sensitivity",
      "--pattern",
    ]) {
      expect(run.stderr).toContain(flag);
    }
    expect(run.stderr).not.toContain("--team-size (");
    expect(run.stderr.split("\n")[0]).toMatch(/^error: missing required inputs: /);
  });

  it("exits 2 on a value outside an enumeration and lists the allowed values", async () => {
    const run = await runCli([...EXAMPLE.slice(0, -2), "--language-preference", "cobol"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("typescript, python, go, rust, java, kotlin, dotnet");
    const tenancy = await runCli(["decide", "--tenancy", "multi-tenant"]);
    expect(tenancy.code).toBe(2);
    expect(tenancy.stderr).toContain("single-tenant, shared-multi-tenant, isolated-multi-tenant");
    const number = await runCli(["decide", "--team-size", "eight"]);
    expect(number.code).toBe(2);
    expect(number.stderr).toContain("must be a whole number");
  });

  it("stops at a tripped kill criterion (status blocked, no best fit) and exits 1 only with --strict", async () => {
    const killing = [...EXAMPLE, "--interaction-style", "event-driven", "--rpo-minutes", "none"];
    const plain = await runCli(killing);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^# Decision: blocked — 2 kill criteria tripped/);
    expect(plain.stdout).toContain("## Kill criteria tripped (2)");
    expect(plain.stdout).toContain("Remedy: ");
    expect(plain.stdout).not.toContain("## Best fit");
    expect(plain.stdout.indexOf("Event-driven everywhere")).toBeLessThan(
      plain.stdout.indexOf("## Ranking"),
    );
    const strict = await runCli([...killing, "--strict", "--json"]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).kills.map((k: { id: string }) => k.id)).toEqual([
      "event-driven-small-team",
      "no-rpo-rto",
    ]);
    const clean = await runCli([...EXAMPLE, "--strict"]);
    expect(clean.code).toBe(0);
  });

  it("reports a broken custom profile by file and field and still ranks the rest", async () => {
    const dir = join(work, "profiles");
    await rm(dir, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    for (const f of await readdir(join(repoRoot, "profiles"))) {
      if (f !== "profile.schema.json") await copyFile(join(repoRoot, "profiles", f), join(dir, f));
    }
    const custom = JSON.parse(await readFile(join(repoRoot, "profiles/node-express.json"), "utf8"));
    custom.name = "acme";
    custom.constraints.patterns = ["modular monolith"];
    await writeFile(join(dir, "acme.json"), JSON.stringify(custom));
    const run = await runCli([...EXAMPLE, "--profiles-dir", dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `warning: profile skipped: ${join(dir, "acme.json")} at /constraints/patterns/0: must be one of`,
    );
    expect(run.stdout).toContain("# Decision: recommended — node-express");
    const list = await runCli(["decide", "--list-profiles", "--profiles-dir", dir, "--json"]);
    expect(list.code).toBe(0);
    const doc = JSON.parse(list.stdout);
    expect(doc.profiles).toHaveLength(4);
    expect(doc.errors[0]).toMatchObject({
      file: join(dir, "acme.json"),
      pointer: "/constraints/patterns/0",
    });
  });

  it("tells a Java team that no profile fits, what would change and how to write one (--strict: exit 1)", async () => {
    const java = [...EXAMPLE.slice(0, -2), "--language-preference", "java"];
    const run = await runCli(java);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^# Decision: no-fit — no profile is written for java teams; write a custom profile for java/,
    );
    expect(run.stdout).not.toContain("## Best fit");
    expect(run.stdout).toContain("## Closest profiles");
    expect(run.stdout).toContain("## Write a custom profile");
    expect(run.stdout).toMatch(/Copy profiles\/[a-z-]+\.json to profiles\/<your-org>\.json/);
    const strict = await runCli([...java, "--strict", "--json"]);
    expect(strict.code).toBe(1);
    const doc = JSON.parse(strict.stdout);
    expect(doc).toMatchObject({ status: "no-fit", best: null });
    expect(doc.customProfile.edits).toContainEqual({
      pointer: "/constraints/languages",
      value: ["java"],
    });
  });

  it("asks the question that separates a tie instead of picking by name", async () => {
    const python = [...EXAMPLE.slice(0, -2), "--language-preference", "python"];
    const tie = await runCli(python);
    expect(tie.code).toBe(0);
    expect(tie.stdout.split("\n")[0]).toMatch(
      /^# Decision: tie — django-monolith and fastapi-python fit equally/,
    );
    expect(tie.stdout).toContain("Answer it with `--needs-admin-panel yes|no`");
    const admin = await runCli([...python, "--needs-admin-panel", "yes"]);
    expect(admin.stdout.split("\n")[0]).toMatch(/^# Decision: recommended — django-monolith/);
  });

  it("prints the error-budget arithmetic as a warning", async () => {
    const run = await runCli([
      ...EXAMPLE,
      ...["--slo-target", "99.99", "--rpo-minutes", "15", "--rto-minutes", "240", "--json"],
    ]);
    const doc = JSON.parse(run.stdout);
    expect(doc.complete).toBe(true);
    expect(doc.warnings[0]).toMatchObject({
      id: "rto-exceeds-error-budget",
      numbers: { availabilityPercent: 99.99, errorBudgetMinutesPerMonth: 4.32, rtoMinutes: 240 },
    });
    const bad = await runCli([...EXAMPLE, "--slo-target", "150"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be a number from 0 to 100");
  });

  it("lists the shipped profiles", async () => {
    const run = await runCli(["decide", "--list-profiles"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("| go-or-rust-microservice | ≥ 30 |");
    expect(run.stdout).toContain("80/250/600");
  });

  it("takes the answers from a grill transcript, flags overriding them", async () => {
    const grill = await runCli([
      "grill",
      "--answers",
      "examples/answers.yaml",
      "--transcript-dir",
      work,
      "--json",
    ]);
    expect(grill.code).toBe(0);
    const file = (await readdir(work)).find((f) => f.startsWith("backend-grill-"));
    expect(file).toBeDefined();
    const path = join(work, file!);
    const run = await runCli(["decide", "--from-transcript", path, "--json"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.best.score.profile).toBe("node-express");
    expect(doc.best.sloFloor.errorBudgetOwner).toBe("Sam Okafor");
    const python = await runCli([
      "decide",
      "--from-transcript",
      path,
      "--language-preference",
      "python",
      "--json",
    ]);
    expect(JSON.parse(python.stdout).best.score.profile).toBe("fastapi-python");
    const missing = await runCli(["decide", "--from-transcript", join(work, "nope.md")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*nope\.md/);
  });

  it("refuses --tui without a terminal instead of waiting", async () => {
    const run = await runCli([...EXAMPLE, "--tui"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--tui needs a terminal");
  });
});
