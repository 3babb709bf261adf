import {
  ancestorIds,
  filterTree,
  findNext,
  parentIds,
  type TreeRow,
  visibleRows,
} from "../../kit/tree-model.js";
import { changedOnly, type DiffNode, type DiffNodeData } from "./model.js";

/**
 * Where the user is in the schema-diff browser, and each key's effect as a pure step from one state
 * to the next. The screen keeps the state outside React so keys that arrive faster than frames
 * each start from the state the previous key left.
 */
export interface BrowseState {
  /** Open nodes; undefined until the user opens or closes one (then every schema is open). */
  opened?: ReadonlySet<string>;
  selectedId?: string;
  filter: string;
  /** The `/` prompt is taking keys. */
  filtering: boolean;
  focus: "tree" | "detail";
  scroll: number;
  help: boolean;
  /** Unchanged objects shown too (`u`); a filter always searches every object. */
  showAll: boolean;
}

export const initialBrowse: BrowseState = {
  filter: "",
  filtering: false,
  focus: "tree",
  scroll: 0,
  help: false,
  showAll: false,
};

export interface BrowseView {
  shownTree: DiffNode[];
  rows: TreeRow<DiffNodeData>[];
  selected: number;
  current?: TreeRow<DiffNodeData>;
  opened: ReadonlySet<string>;
}

export function browseView(tree: DiffNode[], s: BrowseState): BrowseView {
  const opened = s.opened ?? new Set(tree.map((n) => n.id));
  const base = s.showAll || s.filter.trim() ? tree : changedOnly(tree);
  const shownTree = filterTree(base, s.filter);
  // While a filter is on, everything that matched is shown open.
  const open = s.filter.trim() ? new Set(parentIds(shownTree)) : opened;
  const rows = visibleRows(shownTree, open);
  const selected = Math.max(
    rows.findIndex((r) => r.node.id === s.selectedId),
    0,
  );
  return { shownTree, rows, selected, current: rows[selected], opened };
}

const select = (s: BrowseState, id: string | undefined): BrowseState => ({
  ...s,
  selectedId: id,
  scroll: 0,
});

export function move(tree: DiffNode[], s: BrowseState, delta: number): BrowseState {
  const v = browseView(tree, s);
  const next = Math.max(0, Math.min(v.rows.length - 1, v.selected + delta));
  return select(s, v.rows[next]?.node.id);
}

/** Enter / →: open a closed node, go into an open one, look at a leaf's detail. */
export function open(tree: DiffNode[], s: BrowseState): BrowseState {
  const { current, opened } = browseView(tree, s);
  if (!current) return s;
  const children = current.node.children;
  if (children.length > 0 && !current.expanded) {
    return { ...s, opened: new Set([...opened, current.node.id]), selectedId: current.node.id };
  }
  if (children.length > 0) return select(s, children[0]?.id);
  return { ...s, focus: "detail" };
}

/** Esc / ←: close an open node, else go to the parent; undefined when there is nowhere to go. */
export function close(tree: DiffNode[], s: BrowseState): BrowseState | undefined {
  const { current, opened } = browseView(tree, s);
  if (!current) return undefined;
  if (current.expanded && !s.filter.trim()) {
    const rest = [...opened].filter((id) => id !== current.node.id);
    return { ...s, opened: new Set(rest), selectedId: current.node.id };
  }
  return current.parentId ? select(s, current.parentId) : undefined;
}

/** n / N: the next or previous node with a change of its own, opening the way to it. */
export function nextChange(tree: DiffNode[], s: BrowseState, direction: 1 | -1): BrowseState {
  const { shownTree, current, opened } = browseView(tree, s);
  const target = findNext(shownTree, current?.node.id, direction, (n) => Boolean(n.data.change));
  if (!target) return s;
  const path = ancestorIds(shownTree, target.id);
  return select({ ...s, opened: new Set([...opened, ...path]) }, target.id);
}

export function scrollBy(s: BrowseState, delta: number, maxScroll: number): BrowseState {
  return { ...s, scroll: Math.max(0, Math.min(maxScroll, s.scroll + delta)) };
}

/** Enter keeps the filter (selecting the first change that matched), Esc drops it. */
export function endFilter(tree: DiffNode[], s: BrowseState, keep: boolean): BrowseState {
  const next = { ...s, filtering: false, filter: keep ? s.filter : "" };
  if (!keep || !next.filter.trim()) return next;
  const { rows } = browseView(tree, next);
  if (rows.some((r) => r.node.id === next.selectedId)) return next;
  const first = rows.find((r) => r.node.data.change) ?? rows[0];
  return select(next, first?.node.id);
}
