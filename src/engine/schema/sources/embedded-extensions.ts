/**
 * PGlite ships the contrib extensions as separate modules that must be handed to the instance at start.
 * Map extension names found in SQL (CREATE EXTENSION …) to those modules.
 */
const CONTRIB = new Set([
  "amcheck",
  "auto_explain",
  "bloom",
  "btree_gin",
  "btree_gist",
  "citext",
  "cube",
  "dict_int",
  "dict_xsyn",
  "earthdistance",
  "file_fdw",
  "fuzzystrmatch",
  "hstore",
  "intarray",
  "isn",
  "lo",
  "ltree",
  "moddatetime",
  "pageinspect",
  "pg_buffercache",
  "pg_freespacemap",
  "pg_stat_statements",
  "pg_surgery",
  "pg_trgm",
  "pg_visibility",
  "pg_walinspect",
  "pgcrypto",
  "seg",
  "tablefunc",
  "tcn",
  "tsm_system_rows",
  "tsm_system_time",
  "unaccent",
  "uuid_ossp",
]);

/** Names of extensions a SQL text creates (a scan for CREATE EXTENSION, not a parser). */
export function extensionsIn(sql: string): string[] {
  const found = new Set<string>();
  const pattern = /create\s+extension\s+(?:if\s+not\s+exists\s+)?("?)([\w-]+)\1/gi;
  for (const m of sql.matchAll(pattern)) found.add((m[2] ?? "").toLowerCase());
  return [...found].sort();
}

export async function contribExtensions(names: string[]): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const module = name.replace(/-/g, "_");
    if (!CONTRIB.has(module)) continue;
    const loaded = (await import(`@electric-sql/pglite/contrib/${module}`)) as Record<
      string,
      unknown
    >;
    if (loaded[module]) result[module] = loaded[module];
  }
  return result;
}
