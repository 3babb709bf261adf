import { describe, expect, it } from "vitest";
import { importEdges } from "../helpers/import-graph.js";

/** Every file `from` loads before it runs: its static imports, and theirs (type-only ones count too). */
function staticClosure(from: string): Set<string> {
  const edges = importEdges("src").filter((e) => !e.dynamic);
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const f = queue.pop()!;
    for (const e of edges)
      if (e.from === f && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
  }
  return seen;
}

describe("what `load` loads before it sends", () => {
  it("leaves the decision and grill engines (profiles, YAML, schemas) to --slo", () => {
    const loaded = [...staticClosure("src/cli/commands/load.ts")];
    expect(loaded.filter((f) => /^src\/engine\/(decision|grill)\//.test(f))).toEqual([]);
  });
});
