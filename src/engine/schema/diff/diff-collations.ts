import type { CollationInfo } from "../model.js";
import { qualified, quoteLiteral } from "../model.js";
import { commentOn } from "../plan/ddl.js";
import { hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, indexBy, pairs } from "./diff-context.js";

const key = (c: { schema: string; name: string }) => qualified(c.schema, c.name);

export function createCollation(c: CollationInfo): string {
  const options = [`provider = ${c.provider}`];
  if (c.ctype) {
    options.push(`lc_collate = ${quoteLiteral(c.locale)}`, `lc_ctype = ${quoteLiteral(c.ctype)}`);
  } else options.push(`locale = ${quoteLiteral(c.locale)}`);
  if (!c.deterministic) options.push("deterministic = false");
  return `CREATE COLLATION ${key(c)} (${options.join(", ")})`;
}

const same = (a: CollationInfo, b: CollationInfo) => createCollation(a) === createCollation(b);

/** Collations: created before the columns that use them, dropped after; a changed one is created again. */
export function diffCollations(ctx: DiffContext): void {
  for (const [, a, b] of pairs(
    indexBy(ctx.from.collations ?? [], key),
    indexBy(ctx.to.collations ?? [], key),
  )) {
    if (a && (!b || !same(a, b))) {
      const d = b
        ? ctx.set.add("collation", b, "changed", {
            before: createCollation(a),
            after: createCollation(b),
          })
        : ctx.set.add("collation", a, "removed", { before: createCollation(a) });
      step(
        d,
        b ? PHASE.dropView - 1 : PHASE.dropCollation,
        `DROP COLLATION ${key(a)}`,
        b ? [hazard("irreversible", "fails while columns or indexes use the collation")] : [],
      );
      if (b) step(d, PHASE.collation, createCollation(b));
      if (b?.comment !== undefined)
        step(d, PHASE.comment, commentOn(`COLLATION ${key(b)}`, b.comment));
    } else if (!a && b) {
      const d = ctx.set.add("collation", b, "added", { after: createCollation(b) });
      step(d, PHASE.collation, createCollation(b));
      if (b.comment !== undefined)
        step(d, PHASE.comment, commentOn(`COLLATION ${key(b)}`, b.comment));
    } else if (a && b && a.comment !== b.comment) {
      const d = ctx.set.add("comment", b, "changed", {
        before: a.comment,
        after: b.comment,
        pairKey: `comment:collation:${key(b)}`,
      });
      step(d, PHASE.comment, commentOn(`COLLATION ${key(b)}`, b.comment));
    }
  }
}
