import type { Db } from "../connection.js";
import { TRACKING_SCHEMA } from "./tracking-table.js";

/**
 * A compact fingerprint of the user-visible catalog (one query for the whole database), used by the
 * dry run to say what a migration would create, alter or drop: compare the state before and after
 * running it inside a transaction that is then rolled back.
 */
export interface CatalogObject {
  kind: string;
  name: string;
  /** The owning object's key ("table:public.users") for columns, constraints, indexes, triggers, policies. */
  parent?: string;
  definition: string;
  /** pg_class oid for relations, to name locks on objects the migration dropped. */
  oid?: number;
}

export type CatalogState = Map<string, CatalogObject>;

export interface CatalogChange {
  change: "created" | "altered" | "dropped";
  kind: string;
  name: string;
  before?: string;
  after?: string;
}

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', '${TRACKING_SCHEMA}')
  AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

const CATALOG_SQL = `
SELECT 'schema' AS kind, n.nspname AS name, NULL AS parent, n.nspname AS def, NULL::bigint AS oid
  FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspname <> 'public'
UNION ALL
SELECT 'extension', e.extname, NULL, e.extversion, NULL FROM pg_extension e
UNION ALL
SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
         WHEN 'm' THEN 'materialized-view' WHEN 'S' THEN 'sequence' WHEN 'i' THEN 'index'
         WHEN 'I' THEN 'index' WHEN 'f' THEN 'foreign-table' ELSE 'relation' END,
       n.nspname || '.' || c.relname,
       CASE WHEN c.relkind IN ('i', 'I') THEN 'table:' || tn.nspname || '.' || t.relname END,
       CASE WHEN c.relkind IN ('i', 'I') THEN pg_get_indexdef(c.oid)
            WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid)
            ELSE c.relkind::text || ' persistence=' || c.relpersistence::text || ' rls=' || c.relrowsecurity::text
              || ' force_rls=' || c.relforcerowsecurity::text END,
       c.oid::bigint
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_index x ON x.indexrelid = c.oid
  LEFT JOIN pg_class t ON t.oid = x.indrelid
  LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
 WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I', 'f')
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'column', n.nspname || '.' || c.relname || '.' || a.attname,
       'table:' || n.nspname || '.' || c.relname,
       format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
         || COALESCE(' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid), '')
         || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
         || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END,
       NULL
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
 WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint', n.nspname || '.' || c.relname || '.' || k.conname,
       'table:' || n.nspname || '.' || c.relname,
       pg_get_constraintdef(k.oid) || CASE WHEN k.convalidated THEN '' ELSE ' NOT VALID' END,
       NULL
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMAS}
UNION ALL
SELECT 'trigger', n.nspname || '.' || c.relname || '.' || tg.tgname,
       'table:' || n.nspname || '.' || c.relname, pg_get_triggerdef(tg.oid), NULL
  FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMAS} AND NOT tg.tgisinternal
UNION ALL
SELECT 'policy', n.nspname || '.' || c.relname || '.' || p.polname,
       'table:' || n.nspname || '.' || c.relname,
       p.polcmd::text || ' ' || COALESCE(pg_get_expr(p.polqual, p.polrelid), '') || ' '
         || COALESCE(pg_get_expr(p.polwithcheck, p.polrelid), ''),
       NULL
  FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMAS}
UNION ALL
SELECT 'function', n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       NULL, md5(COALESCE(p.prosrc, '')) || ' returns ' || format_type(p.prorettype, NULL), NULL
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE ${USER_SCHEMAS}
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT CASE t.typtype WHEN 'e' THEN 'enum' ELSE 'domain' END, n.nspname || '.' || t.typname, NULL,
       CASE WHEN t.typtype = 'e'
            THEN (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
            ELSE format_type(t.typbasetype, t.typtypmod) END,
       NULL
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE ${USER_SCHEMAS} AND t.typtype IN ('e', 'd')
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
UNION ALL
SELECT 'comment', n.nspname || '.' || c.relname || COALESCE('.' || a.attname, ''),
       NULL, d.description, NULL
  FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
 WHERE ${USER_SCHEMAS}`;

export async function readCatalogState(db: Db): Promise<CatalogState> {
  const r = await db.query<{
    kind: string;
    name: string;
    parent: string | null;
    def: string | null;
    oid: string | number | null;
  }>(CATALOG_SQL);
  const state: CatalogState = new Map();
  for (const row of r.rows) {
    state.set(`${row.kind}:${row.name}`, {
      kind: row.kind,
      name: row.name,
      parent: row.parent ?? undefined,
      definition: row.def ?? "",
      oid: row.oid === null ? undefined : Number(row.oid),
    });
  }
  return state;
}

/**
 * What changed between two states. Children (columns, constraints, indexes …) of a table that was
 * itself created or dropped are folded into that table's entry.
 */
export function compareCatalogStates(before: CatalogState, after: CatalogState): CatalogChange[] {
  const changes: CatalogChange[] = [];
  const wholesale = new Set<string>();
  for (const key of after.keys()) if (!before.has(key)) wholesale.add(key);
  for (const key of before.keys()) if (!after.has(key)) wholesale.add(key);
  for (const [key, obj] of after) {
    const old = before.get(key);
    if (obj.parent && wholesale.has(obj.parent)) continue;
    if (!old)
      changes.push({ change: "created", kind: obj.kind, name: obj.name, after: obj.definition });
    else if (old.definition !== obj.definition) {
      changes.push({
        change: "altered",
        kind: obj.kind,
        name: obj.name,
        before: old.definition,
        after: obj.definition,
      });
    }
  }
  for (const [key, obj] of before) {
    if (after.has(key) || (obj.parent && wholesale.has(obj.parent))) continue;
    changes.push({ change: "dropped", kind: obj.kind, name: obj.name, before: obj.definition });
  }
  const order = { dropped: 0, altered: 1, created: 2 } as const;
  return changes.sort(
    (a, b) =>
      order[a.change] - order[b.change] ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );
}
