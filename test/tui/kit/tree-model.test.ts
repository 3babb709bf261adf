import { describe, expect, it } from "vitest";
import {
  ancestorIds,
  filterTree,
  findNext,
  type TreeNode,
  visibleRows,
} from "../../../src/tui/kit/tree-model.js";
import { buildDiffTree, tally } from "../../../src/tui/screens/schema-diff/model.js";
import { demoChanges } from "../../helpers/schema-diff-fixture.js";

const node = (id: string, children: TreeNode<null>[] = []): TreeNode<null> => ({
  id,
  label: id,
  children,
  data: null,
});

const roots = [node("a", [node("a1"), node("a2", [node("a2x")])]), node("b", [node("b1")])];

describe("tree model", () => {
  it("shows roots and the children of open nodes only", () => {
    expect(visibleRows(roots, new Set()).map((r) => r.node.id)).toEqual(["a", "b"]);
    const rows = visibleRows(roots, new Set(["a", "a2"]));
    expect(rows.map((r) => `${r.depth}:${r.node.id}`)).toEqual([
      "0:a",
      "1:a1",
      "1:a2",
      "2:a2x",
      "0:b",
    ]);
    expect(rows[3]?.parentId).toBe("a2");
  });

  it("filters by label keeping the path to each match", () => {
    const kept = filterTree(roots, "A2X");
    expect(kept.map((n) => n.id)).toEqual(["a"]);
    expect(kept[0]?.children.map((n) => n.id)).toEqual(["a2"]);
    expect(filterTree(roots, "nothing")).toEqual([]);
    expect(filterTree(roots, "  ")).toBe(roots);
  });

  it("finds the next and previous match in display order, wrapping around", () => {
    const leaf = (n: TreeNode<null>) => n.children.length === 0;
    expect(findNext(roots, undefined, 1, leaf)?.id).toBe("a1");
    expect(findNext(roots, "a1", 1, leaf)?.id).toBe("a2x");
    expect(findNext(roots, "b1", 1, leaf)?.id).toBe("a1");
    expect(findNext(roots, "a1", -1, leaf)?.id).toBe("b1");
    expect(ancestorIds(roots, "a2x")).toEqual(["a", "a2"]);
  });
});

describe("schema diff tree", () => {
  it("puts table parts under their table and counts the changes below each node", () => {
    const [pub] = buildDiffTree(demoChanges);
    expect(pub?.label).toBe("public");
    expect(pub?.data.changes).toHaveLength(9);
    const names = pub?.children.map((c) => `${c.data.kind}:${c.label}:${c.data.changes.length}`);
    expect(names).toEqual([
      "enum:order_status:1",
      "table:customers:2",
      "table:orders:1",
      "table:products:2",
      "table:reviews:1",
      "view:customer_order_totals:1",
      "function:touch_updated_at():1",
    ]);
    const products = pub?.children.find((c) => c.label === "products");
    expect(products?.data.change).toBeUndefined();
    expect(products?.children.map((c) => c.data.kind)).toEqual(["column", "constraint"]);
    expect(tally(demoChanges)).toBe("+5 -1 ~2 →1");
  });
});
