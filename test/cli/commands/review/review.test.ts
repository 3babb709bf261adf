import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../../helpers/cli.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const dir = tempDir("review-cli");

const schemaFile = (name: string) =>
  JSON.parse(readFileSync(join(repoRoot, "docs/json", `${name}.schema.json`), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormatsModule as unknown as (a: Ajv2020) => Ajv2020)(ajv);
// docs/json/review.schema.json embeds the decision by reference to decide.schema.json.
const validate = ajv.addSchema(schemaFile("decide")).compile(schemaFile("review"));
const answers = join(repoRoot, "examples/answers.yaml");
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function answersFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("senior-backend review", () => {
  it("--json: the whole review, valid against docs/json/review.schema.json", async () => {
    const run = await runCli(["review", "--answers", answers, "--transcript-dir", dir, "--json"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.status).toBe("recommended");
    expect(doc.bestFit.profile).toBe("node-express");
    expect(doc.grill.transcript).toMatch(/backend-grill-.*\.md$/);
    expect(doc.nextSteps).toHaveLength(3);
    const tools = doc.nextConcerns.map((c: { tool: string | null }) => c.tool);
    expect(tools).toEqual(
      expect.arrayContaining(["scaffold", "db_analyze", "db_compare", "load", "audit"]),
    );
    for (const c of doc.nextConcerns.filter((x: { tool: string | null }) => x.tool)) {
      expect(c.command).toMatch(/^senior-backend /);
    }
  });

  it("--digest: at most 200 words with status, best fit, kills, SLO floor and three next steps", async () => {
    const run = await runCli(["review", "--answers", answers, "--transcript-dir", dir, "--digest"]);
    expect(run.code).toBe(0);
    expect(words(run.stdout)).toBeLessThanOrEqual(200);
    expect(run.stdout).toMatch(
      /^Status: recommended\. Best fit: node-express \(fit \d+\.\d\/100\)/,
    );
    expect(run.stdout).toContain("Kills: none.");
    expect(run.stdout).toMatch(/SLO floor: p99 ≤ 500 ms/);
    expect(run.stdout).toMatch(/\n1\. .*senior-backend scaffold/);
    expect(run.stdout).toMatch(/\n3\. /);
    expect(run.stdout).not.toMatch(/\n4\. /);
  });

  it("a kill criterion blocks: no best fit, the remedy first, exit 1", async () => {
    const file = answersFile("kill.yaml", "readWriteRatio: 20\nqpsP99: null\n");
    const run = await runCli(["review", "--answers", file, "--transcript-dir", dir, "--json"]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.status).toBe("blocked");
    expect(doc.bestFit).toBeNull();
    expect(doc.kills.map((k: { id: string }) => k.id)).toEqual(["no-qps-number"]);
    expect(doc.nextSteps[0]).toContain("Estimate one-year p99 QPS");
    const digest = await runCli(["review", "--from-transcript", doc.grill.transcript, "--digest"]);
    expect(digest.code).toBe(1);
    expect(digest.stdout).toMatch(/^Status: blocked\. No best fit: a kill criterion tripped/);
    expect(digest.stdout).toContain("Kills: No QPS number (Q1).");
  });

  it("no profile fits a Java team: no-fit, decide's reason, the closest profile and a custom profile next", async () => {
    const yaml = readFileSync(answers, "utf8").replace(
      "languagePreference: typescript",
      "languagePreference: java",
    );
    const run = await runCli([
      "review",
      "--answers",
      answersFile("java.yaml", yaml),
      "--transcript-dir",
      dir,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.status).toBe("no-fit");
    expect(doc.bestFit).toBeNull();
    expect(doc.whyNone).toMatch(/java/);
    expect(doc.nextSteps[0]).toMatch(/^closest: /);
    expect(doc.nextSteps[1]).toMatch(/custom profile/);
    const digest = await runCli(["review", "--from-transcript", doc.grill.transcript, "--digest"]);
    expect(digest.stdout).toMatch(/^Status: no-fit\. No best fit: .*java[^.]*\.?\)?\.\n/);
    expect(digest.stdout).not.toContain("..");
  });

  it("--from-transcript of an unfinished grill: incomplete, naming how to continue", async () => {
    const file = answersFile("partial.yaml", "readWriteRatio: 20\nqpsP99: 50\n");
    const grill = await runCli(["grill", "--answers", file, "--transcript-dir", dir]);
    expect(grill.code).toBe(2);
    const transcript = /grill --resume (\S+)/.exec(grill.stderr)?.[1];
    expect(transcript).toBeDefined();
    const run = await runCli(["review", "--from-transcript", transcript as string, "--json"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.status).toBe("incomplete");
    expect(doc.nextSteps[0]).toBe(`finish the grill: senior-backend grill --resume ${transcript}`);
  });

  it("without answers, a transcript or a terminal: one-line error and exit 2", async () => {
    const run = await runCli(["review", "--digest"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: review needs --answers FILE, --from-transcript FILE, or a terminal\nhint: /,
    );
    expect(run.stdout).toBe("");
  });
});
