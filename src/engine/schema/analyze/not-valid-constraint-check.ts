import { type AnalyzeCheck, guideLink, ident, qualified } from "./finding.js";

/**
 * Constraints added NOT VALID and never validated: existing rows were never checked, and a FK that is
 * not validated cannot be used by the planner to remove joins.
 */
export const notValidConstraintCheck: AnalyzeCheck = {
  id: "not-valid-constraint",
  title: "NOT VALID constraints",
  async run(ctx) {
    const r = await ctx.db.query<{ schema: string; table: string; name: string; def: string }>(`
SELECT n.nspname AS schema, c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS def
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT k.convalidated AND ${ctx.schemaFilter("n.nspname")}
 ORDER BY 1, 2, 3`);
    return r.rows.map((k) => ({
      check: this.id,
      severity: "warning" as const,
      object: `constraint ${k.name} on ${k.schema}.${k.table}`,
      title: `not validated: ${k.def}`,
      why: "rows that existed when it was added were never checked, so the rule may not hold for old data; VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock, so finish the job",
      fix: `ALTER TABLE ${qualified(k.schema, k.table)} VALIDATE CONSTRAINT ${ident(k.name)};`,
      guide: guideLink("not-valid-constraints"),
    }));
  },
};
