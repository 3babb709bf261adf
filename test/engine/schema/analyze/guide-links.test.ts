import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../helpers/cli.js";

/** GitHub's heading anchor: lower case, punctuation dropped (except - and _), spaces to dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

describe("database optimisation guide", () => {
  const guide = readFileSync(join(repoRoot, "references/database_optimization_guide.md"), "utf8");
  const anchors = new Set([...guide.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));

  it("has a section for every anchor the analyzer's findings link to", () => {
    const dir = join(repoRoot, "src/engine/schema/analyze");
    const used = new Set<string>();
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const m of text.matchAll(/guideLink\("([^"]+)"\)/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThanOrEqual(11);
    for (const anchor of used) expect(anchors, `#${anchor}`).toContain(anchor);
  });

  it("has no dangling links inside itself", () => {
    for (const m of guide.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, `#${m[1]}`).toContain(m[1]);
  });
});
