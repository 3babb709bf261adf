import { UserError } from "../../shared/user-error.js";
import type { ColumnInfo, SchemaModel, TableInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { type ChangeSet, hazard, PHASE, step } from "./change-builder.js";

/**
 * Renames the user confirmed with `--rename`. Grammar (left side names the object in the FROM schema):
 *   [schema.]table=newtable            rename a table (schema defaults to public)
 *   [schema.]table.column=newcolumn    rename a column
 * A two-part left side (`a.b=c`) is a table when schema `a` has table `b`, else column `b` of public.`a`.
 */
export interface RenameSpec {
  kind: "table" | "column";
  schema: string;
  table: string;
  /** Old column name (kind "column"); for a table, equal to `table`. */
  from: string;
  to: string;
}

export interface RenameCandidate extends RenameSpec {
  /** The flag that confirms it, e.g. `--rename public.users.mail=email`. */
  flag: string;
}

export function parseRename(text: string, model: SchemaModel): RenameSpec {
  const m = /^([^=]+)=([^=.]+)$/.exec(text.trim());
  const parts = m?.[1]?.split(".") ?? [];
  const to = m?.[2]?.trim() ?? "";
  const bad = () =>
    new UserError(`--rename ${text}: expected [schema.]table=new or [schema.]table.column=new`, {
      hint: "e.g. --rename public.users=accounts or --rename users.mail=email",
    });
  if (!m || to === "" || parts.length < 1 || parts.length > 3) throw bad();
  const hasTable = (schema: string, table: string) =>
    model.tables.some((t) => t.schema === schema && t.name === table);
  let spec: RenameSpec;
  if (parts.length === 1)
    spec = { kind: "table", schema: "public", table: parts[0] ?? "", from: parts[0] ?? "", to };
  else if (parts.length === 3)
    spec = {
      kind: "column",
      schema: parts[0] ?? "",
      table: parts[1] ?? "",
      from: parts[2] ?? "",
      to,
    };
  else if (hasTable(parts[0] ?? "", parts[1] ?? ""))
    spec = {
      kind: "table",
      schema: parts[0] ?? "",
      table: parts[1] ?? "",
      from: parts[1] ?? "",
      to,
    };
  else spec = { kind: "column", schema: "public", table: parts[0] ?? "", from: parts[1] ?? "", to };
  const table = model.tables.find((t) => t.schema === spec.schema && t.name === spec.table);
  if (!table)
    throw new UserError(
      `--rename ${text}: no table ${spec.schema}.${spec.table} in the "from" schema`,
    );
  if (spec.kind === "column" && !table.columns.some((c) => c.name === spec.from)) {
    throw new UserError(
      `--rename ${text}: ${spec.schema}.${spec.table} has no column ${spec.from}`,
    );
  }
  return spec;
}

/** The same renames seen from the other side (for the down migration). */
export function reverseRenames(specs: RenameSpec[]): RenameSpec[] {
  const tableName = (schema: string, name: string) =>
    specs.find((s) => s.kind === "table" && s.schema === schema && s.table === name)?.to ?? name;
  return specs.map((s) =>
    s.kind === "table"
      ? { kind: "table", schema: s.schema, table: s.to, from: s.to, to: s.table }
      : {
          kind: "column",
          schema: s.schema,
          table: tableName(s.schema, s.table),
          from: s.to,
          to: s.from,
        },
  );
}

export function renamePairKey(s: RenameSpec): string {
  return `rename:${s.kind}:${s.schema}:${[s.from, s.to].sort().join("|")}`;
}

function replaceName(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<![\\w"$])${escaped}(?![\\w"$])`, "g"), to);
}

/**
 * Apply confirmed renames to a copy of the FROM model (so the diff sees the objects as the same ones) and
 * record the RENAME statements. Names derived from the old table name (old_pkey, old_id_seq …) follow when the
 * TO schema has the derived new name.
 */
export function applyRenames(
  from: SchemaModel,
  to: SchemaModel,
  specs: RenameSpec[],
  set: ChangeSet,
): SchemaModel {
  if (specs.length === 0) return from;
  const model = structuredClone(from);
  const renamedTo = new Map<string, string>();
  const ordered = [
    ...specs.filter((s) => s.kind === "table"),
    ...specs.filter((s) => s.kind === "column"),
  ];
  for (const s of ordered) {
    const current = renamedTo.get(`${s.schema}.${s.table}`) ?? s.table;
    const table = model.tables.find((t) => t.schema === s.schema && t.name === current);
    if (!table) continue;
    const targetName = s.kind === "table" ? s.to : table.name;
    const target = to.tables.find((t) => t.schema === s.schema && t.name === targetName);
    const flag =
      s.kind === "table"
        ? `${s.schema}.${s.table}=${s.to}`
        : `${s.schema}.${s.table}.${s.from}=${s.to}`;
    if (!target) {
      throw new UserError(`--rename ${flag}: no table ${s.schema}.${targetName} on the "to" side`);
    }
    if (s.kind === "table") {
      renameTable(model, table, s, target, set);
      renamedTo.set(`${s.schema}.${s.table}`, s.to);
    } else {
      if (!target.columns.some((c) => c.name === s.to)) {
        throw new UserError(
          `--rename ${flag}: ${s.schema}.${targetName} has no column ${s.to} on the "to" side`,
        );
      }
      renameColumn(model, table, s, set);
    }
  }
  return model;
}

function renameTable(
  model: SchemaModel,
  table: TableInfo,
  s: RenameSpec,
  target: TableInfo | undefined,
  set: ChangeSet,
): void {
  const oldQ = qualified(s.schema, s.table);
  const newQ = qualified(s.schema, s.to);
  const d = set.add("table", { schema: s.schema, name: s.to }, "renamed", {
    before: oldQ,
    after: newQ,
    pairKey: renamePairKey(s),
  });
  step(d, PHASE.rename, `ALTER TABLE ${oldQ} RENAME TO ${quoteIdent(s.to)}`, [
    hazard("rename", `code that still uses ${s.table} breaks`),
  ]);
  const derived = (name: string) =>
    name.startsWith(`${s.table}_`) ? `${s.to}${name.slice(s.table.length)}` : undefined;
  for (const k of table.constraints) {
    const next = derived(k.name);
    if (next && target?.constraints.some((c) => c.name === next)) {
      step(
        d,
        PHASE.rename,
        `ALTER TABLE ${newQ} RENAME CONSTRAINT ${quoteIdent(k.name)} TO ${quoteIdent(next)}`,
      );
      k.name = next;
    }
  }
  for (const i of table.indexes) {
    const next = derived(i.name);
    if (next && target?.indexes.some((x) => x.name === next)) {
      step(
        d,
        PHASE.rename,
        `ALTER INDEX ${qualified(s.schema, i.name)} RENAME TO ${quoteIdent(next)}`,
      );
      i.definition = replaceName(i.definition, quoteIdent(i.name), quoteIdent(next));
      i.name = next;
    }
  }
  const renames: Array<[string, string]> = [[oldQ, newQ]];
  for (const q of model.sequences) {
    const next = derived(q.name);
    if (q.schema === s.schema && next && q.ownedBy?.startsWith(`${oldQ}.`)) {
      step(
        d,
        PHASE.rename,
        `ALTER SEQUENCE ${qualified(q.schema, q.name)} RENAME TO ${quoteIdent(next)}`,
      );
      renames.push([qualified(q.schema, q.name), qualified(q.schema, next)]);
      q.name = next;
    }
  }
  table.name = s.to;
  const swap = (text: string) => renames.reduce((acc, [a, b]) => replaceName(acc, a, b), text);
  for (const t of model.tables) {
    for (const c of t.columns) if (c.default) c.default = swap(c.default);
    for (const k of t.constraints) {
      k.definition = swap(k.definition);
      if (k.references) k.references = swap(k.references);
    }
    for (const i of t.indexes) i.definition = swap(i.definition);
    for (const tr of t.triggers) tr.definition = swap(tr.definition);
    if (t.partitionOf) t.partitionOf.parent = swap(t.partitionOf.parent);
  }
  for (const q of model.sequences) if (q.ownedBy) q.ownedBy = swap(q.ownedBy);
  for (const v of model.views) v.dependsOn = v.dependsOn.map(swap).sort();
}

function renameColumn(model: SchemaModel, table: TableInfo, s: RenameSpec, set: ChangeSet): void {
  const tableQ = qualified(table.schema, table.name);
  const d = set.add("column", { schema: table.schema, table: table.name, name: s.to }, "renamed", {
    before: s.from,
    after: s.to,
    pairKey: renamePairKey(s),
  });
  step(
    d,
    PHASE.rename,
    `ALTER TABLE ${tableQ} RENAME COLUMN ${quoteIdent(s.from)} TO ${quoteIdent(s.to)}`,
    [hazard("rename", `code that still uses ${table.name}.${s.from} breaks`)],
  );
  const swap = (text: string) => replaceName(text, quoteIdent(s.from), quoteIdent(s.to));
  for (const c of table.columns) {
    if (c.name === s.from) c.name = s.to;
    if (c.generated) c.generated.expression = swap(c.generated.expression);
  }
  for (const k of table.constraints) {
    k.columns = k.columns.map((c) => (c === s.from ? s.to : c));
    k.definition = swap(k.definition);
  }
  for (const i of table.indexes) i.definition = swap(i.definition);
  for (const p of table.policies) {
    if (p.using) p.using = swap(p.using);
    if (p.check) p.check = swap(p.check);
  }
  for (const t of model.tables) {
    for (const k of t.constraints) {
      if (k.references !== tableQ) continue;
      k.definition = k.definition.replace(
        /REFERENCES (.*)\(([^)]*)\)/,
        (_all, target: string, cols: string) => `REFERENCES ${target}(${swap(cols)})`,
      );
    }
  }
  for (const q of model.sequences) {
    if (q.ownedBy === `${tableQ}.${quoteIdent(s.from)}`)
      q.ownedBy = `${tableQ}.${quoteIdent(s.to)}`;
  }
}

/** Removed + added objects that look like one renamed object (same columns / same type), one to one. */
export function renameCandidates(from: SchemaModel, to: SchemaModel): RenameCandidate[] {
  const out: RenameCandidate[] = [];
  const shape = (t: TableInfo) =>
    t.columns.map((c) => `${c.name}:${c.type}:${c.notNull}`).join(",");
  const key = (t: TableInfo) => `${t.schema}\u0000${t.name}`;
  const fromTables = new Map(from.tables.map((t) => [key(t), t]));
  const toTables = new Map(to.tables.map((t) => [key(t), t]));
  const removed = from.tables.filter((t) => !toTables.has(key(t)));
  const added = to.tables.filter((t) => !fromTables.has(key(t)));
  for (const r of removed) {
    const matches = added.filter((a) => a.schema === r.schema && shape(a) === shape(r));
    const back = removed.filter(
      (x) => x.schema === r.schema && matches[0] && shape(x) === shape(matches[0]),
    );
    if (matches.length === 1 && back.length === 1 && matches[0]) {
      const spec: RenameSpec = {
        kind: "table",
        schema: r.schema,
        table: r.name,
        from: r.name,
        to: matches[0].name,
      };
      out.push({ ...spec, flag: `--rename ${r.schema}.${r.name}=${matches[0].name}` });
    }
  }
  for (const a of from.tables) {
    const b = toTables.get(key(a));
    if (!b) continue;
    const namesA = new Set(a.columns.map((c) => c.name));
    const namesB = new Set(b.columns.map((c) => c.name));
    const gone = a.columns.filter((c) => !namesB.has(c.name));
    const fresh = b.columns.filter((c) => !namesA.has(c.name));
    for (const g of gone) {
      const same = fresh.filter((f) => compatibleColumns(g, f));
      const back = same[0] ? gone.filter((x) => compatibleColumns(x, same[0] as ColumnInfo)) : [];
      if (same.length === 1 && back.length === 1 && same[0]) {
        out.push({
          kind: "column",
          schema: a.schema,
          table: a.name,
          from: g.name,
          to: same[0].name,
          flag: `--rename ${a.schema}.${a.name}.${g.name}=${same[0].name}`,
        });
      }
    }
  }
  return out;
}

/**
 * A dropped and an added column are only offered as a rename when a rename could keep the data as it is:
 * the same type, the same nullability, and the same kind of identity or generated column (a default may change).
 */
function compatibleColumns(a: ColumnInfo, b: ColumnInfo): boolean {
  return (
    a.type === b.type &&
    a.notNull === b.notNull &&
    a.identity === b.identity &&
    Boolean(a.generated) === Boolean(b.generated)
  );
}
