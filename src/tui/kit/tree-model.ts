/**
 * The data side of the collapsible tree: nodes, which are open, the visible rows,
 * filtering by label and moving between rows. Plain functions, so screens and tests share them.
 */
export interface TreeNode<T> {
  id: string;
  /** What the filter matches against. */
  label: string;
  children: TreeNode<T>[];
  data: T;
}

export interface TreeRow<T> {
  node: TreeNode<T>;
  depth: number;
  expanded: boolean;
  parentId?: string;
}

/** The rows a user sees: every root, and the children of each expanded node, in order. */
export function visibleRows<T>(roots: TreeNode<T>[], expanded: ReadonlySet<string>): TreeRow<T>[] {
  const rows: TreeRow<T>[] = [];
  const walk = (nodes: TreeNode<T>[], depth: number, parentId?: string) => {
    for (const node of nodes) {
      const open = node.children.length > 0 && expanded.has(node.id);
      rows.push({ node, depth, expanded: open, parentId });
      if (open) walk(node.children, depth + 1, node.id);
    }
  };
  walk(roots, 0);
  return rows;
}

/** Every node in display order, ignoring what is collapsed. */
export function allNodes<T>(roots: TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (nodes: TreeNode<T>[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** Ids of the ancestors of `id`, outermost first (empty for a root or an unknown id). */
export function ancestorIds<T>(roots: TreeNode<T>[], id: string): string[] {
  const path: string[] = [];
  const walk = (nodes: TreeNode<T>[]): boolean => {
    for (const node of nodes) {
      if (node.id === id) return true;
      path.push(node.id);
      if (walk(node.children)) return true;
      path.pop();
    }
    return false;
  };
  return walk(roots) ? path : [];
}

/**
 * Keep the nodes whose label contains `query` (case-insensitive) and the ancestors that lead to them.
 * A matching parent keeps all of its children.
 */
export function filterTree<T>(roots: TreeNode<T>[], query: string): TreeNode<T>[] {
  const q = query.trim().toLowerCase();
  if (!q) return roots;
  const keep = (nodes: TreeNode<T>[]): TreeNode<T>[] => {
    const out: TreeNode<T>[] = [];
    for (const node of nodes) {
      if (node.label.toLowerCase().includes(q)) {
        out.push(node);
        continue;
      }
      const children = keep(node.children);
      if (children.length > 0) out.push({ ...node, children });
    }
    return out;
  };
  return keep(roots);
}

/** Ids of every node that has children (to open the whole tree, e.g. while filtering). */
export function parentIds<T>(roots: TreeNode<T>[]): string[] {
  return allNodes(roots)
    .filter((n) => n.children.length > 0)
    .map((n) => n.id);
}

/**
 * The next (or previous) node after `fromId` in display order that satisfies `test`, wrapping around.
 * Collapsed nodes count too; the caller opens the ancestors of the result.
 */
export function findNext<T>(
  roots: TreeNode<T>[],
  fromId: string | undefined,
  direction: 1 | -1,
  test: (node: TreeNode<T>) => boolean,
): TreeNode<T> | undefined {
  const nodes = allNodes(roots);
  if (nodes.length === 0) return undefined;
  const start = nodes.findIndex((n) => n.id === fromId);
  for (let step = 1; step <= nodes.length; step++) {
    const index =
      start < 0
        ? direction === 1
          ? step - 1
          : nodes.length - step
        : (start + direction * step + nodes.length * 2) % nodes.length;
    const node = nodes[index];
    if (node && test(node)) return node;
  }
  return undefined;
}
