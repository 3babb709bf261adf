import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { COMMAND_HELP } from "../../src/cli/help-text.js";
import { cliPath, repoRoot, runCli } from "../helpers/cli.js";

const COMMANDS = ["grill", "decide", "load", "db", "scaffold", "audit", "review", "mcp"];

/** Display width in columns (every character here is one column wide). */
const columns = (line: string) => [...line].length;

function section(help: string, heading: string): string[] {
  const lines = help.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe("--help through a pipe", () => {
  it("every tool has an entry in the help registry", () => {
    expect(Object.keys(COMMAND_HELP).sort()).toEqual([...COMMANDS].sort());
  });

  for (const command of ["", ...COMMANDS]) {
    const name = command || "(the program)";
    it(`${name}: fits 80 columns, shows at least two examples and the exit codes`, async () => {
      const run = await runCli(command ? [command, "--help"] : ["--help"]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      const wide = run.stdout.split("\n").filter((l) => columns(l) > 80);
      expect(wide).toEqual([]);
      const examples = section(run.stdout, "Examples:").filter((l) =>
        l.startsWith("  senior-backend"),
      );
      expect(examples.length).toBeGreaterThanOrEqual(2);
      if (command) for (const e of examples) expect(e).toContain(`senior-backend ${command}`);
      const codes = section(run.stdout, "Exit codes:").map((l) => l.trim().split(/\s+/)[0]);
      expect(codes).toEqual(expect.arrayContaining(["0", "2"]));
      expect(run.stdout).toMatch(/^Usage: senior-backend/);
    });
  }

  it("`help <command>` shows the same text as `<command> --help`", async () => {
    const [viaHelp, viaFlag] = await Promise.all([
      runCli(["help", "db"]),
      runCli(["db", "--help"]),
    ]);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it("into a closed pipe (`--help | head -1`): the first line, and nothing on stderr", () => {
    for (const command of ["", "load", "decide"]) {
      const result = spawnSync(
        "sh",
        ["-c", `"${process.execPath}" "${cliPath}" ${command} --help | head -1`],
        {
          cwd: repoRoot,
          encoding: "utf8",
          timeout: 20_000,
          env: { ...process.env, NO_COLOR: "1" },
        },
      );
      expect(result.stdout).toMatch(/^Usage: senior-backend/);
      expect(result.stdout.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toBe("");
    }
  });

  it("into a pipe already closed before the first write (`--help | true`): no EPIPE error", () => {
    // `true` exits at once, so the write fails with EPIPE (a plain node script prints a stack trace).
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${cliPath}" load --help | true`],
      {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
