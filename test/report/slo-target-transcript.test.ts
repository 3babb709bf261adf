import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveSlo } from "../../src/report/slo-target.js";
import { repoRoot, runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("slo-transcript");
});

/** A complete grill transcript for the example answers with one answer changed. */
async function transcript(change: string, replacement: string): Promise<string> {
  const example = await readFile(join(repoRoot, "examples/answers.yaml"), "utf8");
  const sub = await mkdtemp(join(dir, "t-"));
  const answers = join(sub, "answers.yaml");
  await writeFile(answers, example.replace(change, replacement));
  const run = await runCli(["grill", "--answers", answers, "--transcript-dir", sub, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  const file = (await readdir(sub)).find((f) => f.endsWith(".md"))!;
  return join(sub, file);
}

describe("load --slo with a grill transcript", () => {
  it("uses the recommended profile's floor", async () => {
    const file = await transcript(
      "languagePreference: typescript",
      "languagePreference: typescript",
    );
    const target = await resolveSlo(file);
    expect(target).toMatchObject({ name: "node-express", source: "transcript" });
    expect(target.latencyMs.p99).toBe(500);
  });

  it("stops with a user error when the decision recommends no profile", async () => {
    const file = await transcript("languagePreference: typescript", "languagePreference: java");
    await expect(resolveSlo(file)).rejects.toMatchObject({
      message: "--slo: the transcript's decision recommends no profile (no-fit)",
      exitCode: 2,
      hint: expect.stringContaining("--slo node-express"),
    });
  });
});
