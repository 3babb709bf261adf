import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

/** In a fresh Node: optionally the lean resolve, then Ink; prints how many es-toolkit files loaded. */
function esToolkitFilesLoadedByInk(lean: boolean): number {
  const script = `
    import module from "node:module";
    let count = 0;
    module.registerHooks({ resolve(s, c, next) { const r = next(s, c); if (r.url.includes("/es-toolkit/")) count++; return r; } });
    ${lean ? 'const { resolveInkLean } = await import("./dist/cli/ink-resolve.js"); resolveInkLean();' : ""}
    const ink = await import("ink");
    if (typeof ink.render !== "function") throw new Error("ink did not load");
    console.log(count);
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  return Number(out.trim());
}

describe("Ink's import of es-toolkit (issue #13: slow first frame)", () => {
  it("loads the one file that defines throttle instead of the whole compat index", () => {
    expect(esToolkitFilesLoadedByInk(false)).toBeGreaterThan(100);
    const lean = esToolkitFilesLoadedByInk(true);
    expect(lean).toBeGreaterThan(0);
    expect(lean).toBeLessThan(10);
  });
});
