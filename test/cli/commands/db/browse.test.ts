import { describe, expect, it } from "vitest";
import { runCli } from "../../../helpers/cli.js";

describe("db without a terminal", () => {
  it("does not open the schema-diff browser or wait for a key", async () => {
    const run = await runCli(["db"], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain("\u001b[?1049h"); // no alternate screen
    expect(run.stderr.trim().split("\n")[0]).toMatch(/^error: /);
  });
});
