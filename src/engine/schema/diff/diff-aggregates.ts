import type { AggregateInfo } from "../model.js";
import { qualified } from "../model.js";
import { commentOn } from "../plan/ddl.js";
import { PHASE, step } from "./change-builder.js";
import { type DiffContext, indexBy, pairs } from "./diff-context.js";

const aggregateKey = (a: AggregateInfo) => `${qualified(a.schema, a.name)}(${a.args})`;

/** Aggregates: created after the functions they call, dropped before them; a change drops and re-creates. */
export function diffAggregates(ctx: DiffContext): void {
  for (const [k, a, b] of pairs(
    indexBy(ctx.from.aggregates ?? [], aggregateKey),
    indexBy(ctx.to.aggregates ?? [], aggregateKey),
  )) {
    const where = { schema: (b ?? a)?.schema ?? "", name: `${(b ?? a)?.name}(${(b ?? a)?.args})` };
    if (a && !b) {
      const d = ctx.set.add("aggregate", where, "removed", { before: a.definition });
      step(d, PHASE.dropAggregate, `DROP AGGREGATE ${k}`);
    } else if (b && (!a || a.definition !== b.definition)) {
      const d = ctx.set.add("aggregate", where, a ? "changed" : "added", {
        before: a?.definition,
        after: b.definition,
      });
      // Dropped and created again: its comment and privileges are given again.
      if (a) step(d, PHASE.dropAggregate, `DROP AGGREGATE ${k}`);
      if (a) ctx.recreated.add(k);
      step(d, PHASE.aggregate, b.definition);
      if (b.comment !== undefined) step(d, PHASE.comment, commentOn(`AGGREGATE ${k}`, b.comment));
    } else if (a && b && a.comment !== b.comment) {
      const d = ctx.set.add("comment", where, "changed", {
        before: a.comment,
        after: b.comment,
        pairKey: `comment:aggregate:${k}`,
      });
      step(d, PHASE.comment, commentOn(`AGGREGATE ${k}`, b.comment));
    }
  }
}
