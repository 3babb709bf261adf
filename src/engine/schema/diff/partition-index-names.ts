import type { AttachedIndex, SchemaModel } from "../model.js";

/** Longest identifier PostgreSQL keeps (NAMEDATALEN - 1 bytes). */
const MAX_NAME = 63;

/** A column name as pg_get_indexdef() shows it, unquoted; undefined for an expression. */
function columnName(shown: string): string | undefined {
  if (/^[a-z_][a-z0-9_$]*$/.test(shown)) return shown;
  const quoted = /^"((?:[^"]|"")+)"$/.exec(shown);
  return quoted?.[1]?.replace(/""/g, '"');
}

/** Relation names in a schema (tables, views, indexes, constraints' indexes), once per model. */
const namesCache = new WeakMap<SchemaModel, Map<string, Set<string>>>();
function relationNames(model: SchemaModel, schema: string): Set<string> {
  let bySchema = namesCache.get(model);
  if (!bySchema) {
    bySchema = new Map();
    const add = (s: string, n: string) => {
      const set = bySchema?.get(s) ?? new Set<string>();
      set.add(n);
      bySchema?.set(s, set);
    };
    for (const t of model.tables) {
      add(t.schema, t.name);
      for (const i of t.indexes) add(t.schema, i.name);
      for (const k of t.constraints)
        if (k.type === "primary-key" || k.type === "unique") add(t.schema, k.name);
      for (const c of [...t.indexes, ...t.constraints].flatMap((x) => x.attached ?? []))
        add(c.schema, c.name);
    }
    for (const v of model.views) add(v.schema, v.name);
    for (const s of model.sequences) add(s.schema, s.name);
    namesCache.set(model, bySchema);
  }
  return bySchema.get(schema) ?? new Set();
}

/**
 * The name PostgreSQL gives the index it clones for a new partition from its parent's index (ChooseIndexName):
 * "<partition>_pkey" for a primary key, else "<partition>_<columns>_key" (unique constraint) or "…_idx". Undefined
 * when it cannot be told for sure (an expression, a name too long or already taken, which PostgreSQL numbers).
 */
export function autoIndexName(
  from: SchemaModel,
  c: AttachedIndex,
  parent: { definition: string; columns: string[]; constraint: boolean },
): string | undefined {
  let name: string;
  if (parent.constraint && parent.definition.startsWith("PRIMARY KEY")) name = `${c.table}_pkey`;
  else {
    const columns = parent.columns.map((x) => (parent.constraint ? x : columnName(x)));
    if (columns.some((x) => x === undefined) || new Set(columns).size !== columns.length)
      return undefined;
    name = `${c.table}_${columns.join("_")}_${parent.constraint ? "key" : "idx"}`;
  }
  if (Buffer.byteLength(name) > MAX_NAME || relationNames(from, c.schema).has(name))
    return undefined;
  return name;
}
