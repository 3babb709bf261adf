import type { Db } from "../connection.js";

/** The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table …` builds. */
export function concurrentIndexTarget(sql: string): { name: string; table: string } | undefined {
  const m =
    /^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:"[^"]+"|[^\s."]+)(?:\.(?:"[^"]+"|[^\s."]+))?)\s+ON\s+(?:ONLY\s+)?((?:"[^"]+"|[^\s(."]+)(?:\.(?:"[^"]+"|[^\s(."]+))?)/i.exec(
      sql,
    );
  if (!m?.[1] || !m[2]) return undefined;
  return { name: m[1], table: m[2] };
}

const unquote = (part: string) =>
  part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part.toLowerCase();

/**
 * Before (re)running a concurrent index build of an interrupted run: an INVALID index of that name (a build
 * killed half-way) is dropped so it can be built again; a valid one means the build finished and only its
 * record was lost. Returns what it found, for the report.
 */
export async function prepareConcurrentIndex(
  db: Db,
  sql: string,
): Promise<{ state: "absent" | "invalid-dropped" | "already-built"; index?: string }> {
  const target = concurrentIndexTarget(sql);
  if (!target) return { state: "absent" };
  const indexName = unquote(
    target.name.split(/\.(?=(?:[^"]*"[^"]*")*[^"]*$)/).pop() ?? target.name,
  );
  const r = await db.query<{ qualified: string; valid: boolean }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qualified, i.indisvalid AS valid
     FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relname = $1 AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = to_regclass($2))`,
    [indexName, target.table],
  );
  const found = r.rows[0];
  if (!found) return { state: "absent" };
  if (found.valid) return { state: "already-built", index: found.qualified };
  await db.exec(`DROP INDEX CONCURRENTLY IF EXISTS ${found.qualified}`);
  return { state: "invalid-dropped", index: found.qualified };
}
