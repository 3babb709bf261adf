import type {
  ObjectKind,
  RenameCandidate,
  SchemaChange,
  SchemaModel,
} from "../../../engine/schema/index.js";
import { glyph, type Tone } from "../../kit/theme.js";
import type { TreeNode } from "../../kit/tree-model.js";

/**
 * The schema-diff browser's tree: schemas → tables/views → their columns, constraints, indexes,
 * triggers and policies, and the schema's other objects (enums, functions, …), built from a flat diff.
 */
export interface DiffNodeData {
  kind: ObjectKind;
  schema: string;
  table?: string;
  name: string;
  /** The change of this object itself; absent on a parent that only holds changed objects. */
  change?: SchemaChange;
  /** Changes in this node's subtree, its own included. */
  changes: SchemaChange[];
}

export type DiffNode = TreeNode<DiffNodeData>;

const SCHEMA_ORDER: ObjectKind[] = [
  "schema",
  "extension",
  "enum",
  "domain",
  "sequence",
  "table",
  "view",
  "materialized-view",
  "function",
  "comment",
];
const TABLE_ORDER: ObjectKind[] = [
  "column",
  "constraint",
  "index",
  "trigger",
  "policy",
  "rls",
  "comment",
];
const CONTAINERS = new Set<ObjectKind>(["table", "view", "materialized-view"]);

/**
 * The tree of `changes`; with `target` (the schema the diff leads to) its unchanged objects too,
 * unmarked, so the filter can find any object (`/email` finds an unchanged column).
 */
export function buildDiffTree(changes: SchemaChange[], target?: SchemaModel): DiffNode[] {
  const schemas = new Map<string, DiffNode>();
  const owners = new Map<string, DiffNode>();
  const schemaNode = (schema: string): DiffNode => {
    let node = schemas.get(schema);
    if (!node) {
      node = makeNode(`schema:${schema}`, { kind: "schema", schema, name: schema, changes: [] });
      schemas.set(schema, node);
    }
    return node;
  };
  const ownerNode = (schema: string, table: string, kind: ObjectKind = "table"): DiffNode => {
    const key = `${schema}.${table}`;
    let node = owners.get(key);
    if (!node) {
      node = makeNode(`owner:${key}`, { kind, schema, name: table, changes: [] });
      owners.set(key, node);
      schemaNode(schema).children.push(node);
    }
    return node;
  };

  for (const change of changes) {
    if (change.kind === "schema" && !change.table) {
      const node = schemaNode(change.name);
      node.data.change = change;
      continue;
    }
    if (CONTAINERS.has(change.kind) && !change.table) {
      const node = ownerNode(change.schema, change.name, change.kind);
      node.data.kind = change.kind;
      node.data.change = change;
      continue;
    }
    const parent = change.table
      ? ownerNode(change.schema, change.table)
      : schemaNode(change.schema);
    parent.children.push(
      makeNode(change.id, {
        kind: change.kind,
        schema: change.schema,
        table: change.table,
        name: change.name,
        change,
        changes: [],
      }),
    );
  }

  if (target) addUnchanged(target, schemaNode, ownerNode);

  const roots = [...schemas.values()].sort((a, b) => a.label.localeCompare(b.label));
  for (const root of roots) finish(root);
  return roots;
}

/** Add each object of `target` that no change names, as a node without a change. */
function addUnchanged(
  target: SchemaModel,
  schemaNode: (schema: string) => DiffNode,
  ownerNode: (schema: string, table: string, kind?: ObjectKind) => DiffNode,
): void {
  const add = (
    parent: DiffNode,
    kind: ObjectKind,
    schema: string,
    name: string,
    table?: string,
  ) => {
    if (parent.children.some((c) => c.data.kind === kind && c.data.name === name)) return;
    const id = `same:${kind}:${[schema, table, name].filter(Boolean).join(".")}`;
    parent.children.push(makeNode(id, { kind, schema, table, name, changes: [] }));
  };
  for (const s of target.schemas) schemaNode(s.name);
  for (const t of target.tables) {
    const owner = ownerNode(t.schema, t.name);
    for (const c of t.columns) add(owner, "column", t.schema, c.name, t.name);
    for (const c of t.constraints) add(owner, "constraint", t.schema, c.name, t.name);
    for (const i of t.indexes) add(owner, "index", t.schema, i.name, t.name);
    for (const tr of t.triggers) add(owner, "trigger", t.schema, tr.name, t.name);
    for (const p of t.policies) add(owner, "policy", t.schema, p.name, t.name);
  }
  for (const v of target.views) {
    const kind: ObjectKind = v.materialized ? "materialized-view" : "view";
    ownerNode(v.schema, v.name, kind);
  }
  const inSchema: Array<[ObjectKind, Array<{ schema: string; name: string }>]> = [
    ["enum", target.enums],
    ["domain", target.domains],
    ["sequence", target.sequences],
    ["function", target.functions],
  ];
  for (const [kind, list] of inSchema) {
    for (const o of list) add(schemaNode(o.schema), kind, o.schema, o.name);
  }
}

/** Only the nodes that hold a change (the default view: unchanged objects hidden). */
export function changedOnly(nodes: DiffNode[]): DiffNode[] {
  return nodes
    .filter((n) => n.data.changes.length > 0)
    .map((n) => ({ ...n, children: changedOnly(n.children) }));
}

function makeNode(id: string, data: DiffNodeData): DiffNode {
  return { id, label: data.name, children: [], data };
}

/** Sort children, collect each subtree's changes. */
function finish(node: DiffNode): SchemaChange[] {
  const order = node.data.kind === "schema" ? SCHEMA_ORDER : TABLE_ORDER;
  node.children.sort(
    (a, b) => rank(order, a.data.kind) - rank(order, b.data.kind) || a.label.localeCompare(b.label),
  );
  const below = node.children.flatMap(finish);
  node.data.changes = node.data.change ? [node.data.change, ...below] : below;
  return node.data.changes;
}

function rank(order: ObjectKind[], kind: ObjectKind): number {
  const i = order.indexOf(kind);
  return i < 0 ? order.length : i;
}

export const CHANGE_MARK: Record<SchemaChange["change"], { mark: string; tone: Tone }> = {
  added: { mark: glyph.added, tone: "ok" },
  removed: { mark: glyph.removed, tone: "bad" },
  changed: { mark: glyph.changed, tone: "warn" },
  renamed: { mark: "→", tone: "info" },
};

/** The mark of a node: its own change, or "changed" for a parent that holds changes. */
export function nodeMark(data: DiffNodeData): { mark: string; tone: Tone } {
  if (data.change) return CHANGE_MARK[data.change.change];
  return data.changes.length > 0 ? CHANGE_MARK.changed : { mark: " ", tone: "muted" };
}

/** Hazards of applying the change (its up statements). */
export function upHazardCount(change: SchemaChange): number {
  return change.up.reduce((n, s) => n + s.hazards.length, 0);
}

/** schema.table.name, without the parts that do not apply. */
export function qualifiedName(data: Pick<DiffNodeData, "schema" | "table" | "name" | "kind">) {
  if (data.kind === "schema") return data.name;
  return [data.schema, data.table, data.name].filter(Boolean).join(".");
}

export function kindLabel(kind: ObjectKind): string {
  return kind === "materialized-view" ? "mat. view" : kind;
}

/** Counts per change type, e.g. "+2 -1 ~3". */
export function tally(changes: SchemaChange[]): string {
  const order: SchemaChange["change"][] = ["added", "removed", "changed", "renamed"];
  return order
    .map((c) => {
      const n = changes.filter((x) => x.change === c).length;
      return n > 0 ? `${CHANGE_MARK[c].mark}${n}` : "";
    })
    .filter(Boolean)
    .join(" ");
}

/** A dropped/added pair the diff thinks is a rename: say so on both halves, with the flag that keeps the data. */
export function renameNotes(data: DiffNodeData, renames: RenameCandidate[]): string[] {
  const c = data.change;
  if (!c || (c.change !== "removed" && c.change !== "added")) return [];
  return renames
    .filter((r) => {
      if (r.schema !== c.schema) return false;
      const name = c.change === "removed" ? r.from : r.to;
      if (r.kind === "column") return c.kind === "column" && c.table === r.table && c.name === name;
      return c.kind === "table" && c.name === name;
    })
    .map((r) => {
      const what = r.kind === "column" ? `${r.table}.${r.from} → ${r.to}` : `${r.from} → ${r.to}`;
      return `looks like a rename (${what}): keep the data with ${r.flag}`;
    });
}
