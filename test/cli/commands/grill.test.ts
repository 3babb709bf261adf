import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

let dir: string;
beforeEach(() => {
  dir = tempDir("grill-cli");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const transcripts = () => readdirSync(dir).filter((n) => n.startsWith("backend-grill-"));

function answersFile(text: string): string {
  const path = join(dir, "answers.yaml");
  writeFileSync(path, text);
  return path;
}

describe("senior-backend grill (headless)", () => {
  it("without a terminal and without --answers stops at once with exit 2, naming --answers", async () => {
    const run = await runCli(["grill", "--transcript-dir", dir], { timeoutMs: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: grill needs a terminal, or --answers FILE");
    expect(run.stderr).toContain("--answers");
    expect(run.stdout).toBe("");
    expect(transcripts()).toEqual([]);
  });

  it("without a terminal, --resume names a missing transcript before the missing terminal", async () => {
    const run = await runCli(["grill", "--resume", join(dir, "typo.md")], { timeoutMs: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot continue the transcript ${join(dir, "typo.md")}`);
  });

  it("runs examples/answers.yaml to the end: exit 0, transcript 0600, the decision in --json", async () => {
    const run = await runCli([
      "grill",
      "--answers",
      "examples/answers.yaml",
      "--transcript-dir",
      dir,
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.status).toBe("complete");
    expect(result.kills).toEqual([]);
    expect(result.answers).toMatchObject({ qpsP99: 50, tenancy: "shared-multi-tenant" });
    expect(result.decision.best.score.profile).toBe("node-express");
    expect(result.transcript).toMatch(/backend-grill-\d{4}-\d{2}-\d{2}\.md$/);
    expect(statSync(result.transcript).mode & 0o777).toBe(0o600);
    const text = readFileSync(result.transcript, "utf8");
    expect(text).toContain("- Status: **complete**");
    expect(text).toContain("## Question 7/7 — SLO");
    expect(text).toContain("**Answer:** Sam Okafor");
  });

  it("prints a text result and the decision without --json", async () => {
    const run = await runCli([
      "grill",
      "--answers",
      "examples/answers.yaml",
      "--transcript-dir",
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Grill complete: all 7 questions answered.");
    expect(run.stdout).toContain("Transcript: ");
    expect(run.stdout).toContain("node-express");
  });

  it("exits 1 when a kill criterion trips and prints the reason and remedy", async () => {
    const file = answersFile(`readWriteRatio: 10\nqpsP99: "we'll need to scale"\n`);
    const run = await runCli(["grill", "--answers", file, "--transcript-dir", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✖ Kill criterion: No QPS number");
    expect(run.stdout).toContain("Remedy: Estimate one-year p99 QPS");
    const [name] = transcripts();
    expect(readFileSync(join(dir, name!), "utf8")).toContain("stopped by a kill criterion");
  });

  it("exits 2 on a file that is not YAML, saying where, with a hint", async () => {
    const file = answersFile("readWriteRatio: [1,\n");
    const run = await runCli(["grill", "--answers", file, "--transcript-dir", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not valid YAML or JSON: .* at line 2, column 1\nhint: /);
    expect(transcripts()).toEqual([]);
  });

  it("exits 2 on a value out of range, naming the field and the question", async () => {
    const file = answersFile("readWriteRatio: 10\nqpsP99: -4\n");
    const run = await runCli(["grill", "--answers", file, "--transcript-dir", dir, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("One-year p99 QPS: -4 is out of range");
  });

  it("exits 2 on an unknown key and on a missing answer; --resume with the rest finishes", async () => {
    const unknown = await runCli([
      "grill",
      "--answers",
      answersFile("readWriteRatio: 1\nqps: 5\n"),
      "--transcript-dir",
      dir,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown keys: qps");

    const partial = await runCli([
      "grill",
      "--answers",
      answersFile("readWriteRatio: 1\nqpsP99: 5\n"),
      "--transcript-dir",
      dir,
    ]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain("has no tenancy (question 2");
    const [name] = transcripts();
    const path = join(dir, name!);
    expect(partial.stderr).toContain(`--resume ${path}`);

    const rest = readFileSync("examples/answers.yaml", "utf8").replace(
      /^(readWriteRatio|qpsP99):.*$/gm,
      "",
    );
    const resumed = await runCli([
      "grill",
      "--resume",
      path,
      "--answers",
      answersFile(rest),
      "--json",
    ]);
    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout);
    expect(result.transcript).toBe(path);
    expect(result.answers).toMatchObject({ readWriteRatio: 1, qpsP99: 5, teamSize: 8 });
    expect(transcripts()).toHaveLength(1);
  });

  it("--json without --answers is a usage error", async () => {
    const run = await runCli(["grill", "--json", "--transcript-dir", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--json needs --answers");
  });

  it("takes a JSON answers file too", async () => {
    const path = join(dir, "answers.json");
    writeFileSync(
      path,
      JSON.stringify({
        readWriteRatio: 3,
        qpsP99: 20,
        tenancy: "single-tenant",
        enterprisePricing: false,
      }),
    );
    const run = await runCli(["grill", "--answers", path, "--transcript-dir", dir, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.kills[0].id).toBe("single-tenant-without-enterprise-pricing");
    expect(result.question).toBe(2);
  });
});
