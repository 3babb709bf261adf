import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { wantsSmallWasmHeap } from "../../src/cli/wasm-flags.js";

describe("which db runs start Node again with the small WebAssembly heap", () => {
  const dir = mkdtempSync(join(tmpdir(), "sb-wasm-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const argv = (...args: string[]) => ["node", "main.js", "db", ...args];

  it("a comparison that loads .sql files or a folder into PGlite does", () => {
    expect(wantsSmallWasmHeap(argv("--from", "a.sql", "--to", "b.sql"))).toBe(true);
    expect(wantsSmallWasmHeap(argv("--connection", "postgres://h/x", "--compare", dir))).toBe(true);
  });

  it("migrate, status and lint of a folder do not (the pid a user kills is the one migrating)", () => {
    expect(wantsSmallWasmHeap(argv("--connection", "postgres://h/x", "--migrate", dir))).toBe(
      false,
    );
    expect(wantsSmallWasmHeap(argv("--migrate", join(dir, "x.sql"), "--down"))).toBe(false);
    expect(wantsSmallWasmHeap(argv("--status", dir))).toBe(false);
    expect(wantsSmallWasmHeap(argv("--lint", dir))).toBe(false);
  });
});
