import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportEdge, importCycles, importEdges } from "../helpers/import-graph.js";

const edges = importEdges("src");
const under = (path: string, folder: string) => path.startsWith(`src/${folder}/`);
const show = (list: ImportEdge[]) => list.map((e) => `${e.from} → ${e.to}`);
/** The CLI's one lazy way into the full-screen app. */
const TUI_START = "src/cli/start-tui.ts";

describe("import graph of src/", () => {
  it("has no import cycle (type-only imports count)", () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it("the TUI never imports the CLI", () => {
    expect(show(edges.filter((e) => under(e.from, "tui") && under(e.to, "cli")))).toEqual([]);
  });

  it("the CLI reaches the TUI only through the lazy start in cli/start-tui.ts", () => {
    const bad = edges.filter(
      (e) =>
        under(e.from, "cli") &&
        under(e.to, "tui") &&
        !(e.from === TUI_START && e.to === "src/tui/run.tsx" && e.dynamic),
    );
    expect(show(bad)).toEqual([]);
  });

  it("the report layer imports neither view", () => {
    const bad = edges.filter(
      (e) => under(e.from, "report") && (under(e.to, "cli") || under(e.to, "tui")),
    );
    expect(show(bad)).toEqual([]);
  });

  it("engines import no view and no report", () => {
    const bad = edges.filter(
      (e) =>
        under(e.from, "engine") &&
        (under(e.to, "cli") || under(e.to, "tui") || under(e.to, "report")),
    );
    expect(show(bad)).toEqual([]);
  });

  it("views (cli, tui, report) import an engine only through its index.ts", () => {
    const bad = edges.filter(
      (e) =>
        !under(e.from, "engine") &&
        under(e.to, "engine") &&
        !/^src\/engine\/[^/]+\/index\.ts$/.test(e.to),
    );
    expect(show(bad)).toEqual([]);
  });

  it("no source file is over 400 lines", () => {
    const files = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
    const long = files.filter((f) => readFileSync(f, "utf8").split("\n").length > 400);
    expect(long).toEqual([]);
  });
});

describe("the import-graph checks can fail", () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to, dynamic: false });

  it("finds a two-file cycle and a longer one, and nothing in a tree", () => {
    const cycles = importCycles([
      edge("a", "b"),
      edge("b", "a"),
      edge("c", "d"),
      edge("d", "e"),
      edge("e", "c"),
      edge("f", "a"),
    ]);
    expect(cycles.map((c) => [...c].sort())).toEqual([
      ["a", "b"],
      ["c", "d", "e"],
    ]);
    expect(importCycles([edge("a", "b"), edge("a", "c"), edge("b", "c")])).toEqual([]);
  });

  it("tells a lazy import from a static one", () => {
    const found = importEdges("test/architecture/fixture");
    expect(found.map((e) => [e.from.split("/").pop(), e.to.split("/").pop(), e.dynamic])).toEqual(
      expect.arrayContaining([
        ["lazy.ts", "plain.ts", true],
        ["static.ts", "plain.ts", false],
        ["static.ts", "lazy.ts", false],
      ]),
    );
  });
});
