import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../../helpers/cli.js";
import { tempDir } from "../../../helpers/temp-dir.js";

const petstore = resolve(repoRoot, "test/fixtures/openapi/petstore-3.0.yaml");
const dir = tempDir("spec-size-cli");

/** The petstore with a long description: about 0.7 MiB. */
function bigPetstore(): string {
  const file = join(dir, "big-petstore.yaml");
  const text = readFileSync(petstore, "utf8");
  writeFileSync(file, `${text}\nx-notes: "${"a long note ".repeat(60_000)}"\n`);
  return file;
}

describe("--max-spec-size: a spec over the size limit is refused in one line; the flag raises the limit", () => {
  it("scaffold", async () => {
    const spec = bigPetstore();
    const out = join(dir, "out");
    const refused = await runCli(["scaffold", spec, "--output", out, "--max-spec-size", "0.5"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /^error: .*big-petstore\.yaml: too large \(0\.7 MiB; the limit is 0\.5 MiB a file\)\nhint: .*--max-spec-size <MiB>[^\n]*\n$/,
    );
    const raised = await runCli(["scaffold", spec, "--output", out, "--max-spec-size", "1"]);
    expect(raised.stderr).toBe("");
    expect(raised.code).toBe(0);
  });

  it("audit refuses before any request", async () => {
    const run = await runCli([
      "audit",
      "http://127.0.0.1:9",
      "--spec",
      bigPetstore(),
      "--max-spec-size",
      "0.5",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*too large \(0\.7 MiB; the limit is 0\.5 MiB a file\)\n/);
    expect(run.stderr).not.toMatch(/cannot reach/);
  });

  it("a size that is not a number is a usage error", async () => {
    const run = await runCli(["scaffold", petstore, "--max-spec-size", "lots"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-spec-size.*expected a size in MiB/);
  });
});
