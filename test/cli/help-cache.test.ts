import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildFingerprint,
  cachedHelp,
  HELP_CACHE_ENV,
  HELP_KEYS,
  helpKey,
} from "../../src/cli/help-cache.js";
import { cliPath, repoRoot } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("help cache", () => {
  it("answers only plain help requests", () => {
    expect(helpKey(["--help"])).toBe("");
    expect(helpKey(["-h"])).toBe("");
    expect(helpKey(["help"])).toBe("");
    expect(helpKey(["load", "--help"])).toBe("load");
    expect(helpKey(["help", "db"])).toBe("db");
    expect(helpKey(["load", "--demo", "--help"])).toBeUndefined();
    expect(helpKey(["nope", "--help"])).toBeUndefined();
    expect(helpKey(["load", "--json"])).toBeUndefined();
    expect(helpKey([])).toBeUndefined();
  });

  const dir = tempDir("help-cache");

  it("is ignored as soon as a built file changes", () => {
    mkdirSync(join(dir, "cli"));
    writeFileSync(join(dir, "cli", "main.js"), "// built\n");
    const cache = { fingerprint: buildFingerprint(dir), texts: { load: "Usage: load\n" } };
    writeFileSync(join(dir, "cli", "help-cache.json"), JSON.stringify(cache));
    expect(cachedHelp(["load", "--help"], dir)).toBe("Usage: load\n");
    writeFileSync(join(dir, "cli", "main.js"), "// built again\n");
    expect(cachedHelp(["load", "--help"], dir)).toBeUndefined();
  });

  it("holds exactly what the program prints live, for every command", () => {
    execFileSync(process.execPath, [join(repoRoot, "dist/cli/write-help-cache.js")], {
      cwd: repoRoot,
      timeout: 60_000,
    });
    const requests = [
      ...HELP_KEYS.map((k) => (k ? [k, "--help"] : ["--help"])),
      ["help"],
      ["-h"],
      ["help", "load"],
      ["db", "-h"],
    ];
    for (const args of requests) {
      const key = args.join(" ");
      const cached = cachedHelp(args, join(repoRoot, "dist"));
      expect(cached, `no cached help for "${key}"`).toMatch(/^Usage: senior-backend/);
      const live = spawnSync(process.execPath, [cliPath, ...args], {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, [HELP_CACHE_ENV]: "off" },
        timeout: 20_000,
      });
      expect(cached).toBe(live.stdout);
    }
  });
});
