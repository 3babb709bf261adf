import type { ViewInfo } from "../model.js";
import { qualified } from "../model.js";
import { commentOn, createView, sameSql } from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, pairs, viewsAndTables } from "./diff-context.js";
import { createIndex, createTrigger, diffIndexes, diffTriggers } from "./diff-table-parts.js";

/** Depth of each view in its dependency chain (0 = reads only tables): creation order, reversed for drops. */
function depths(views: Map<string, ViewInfo>): Map<string, number> {
  const result = new Map<string, number>();
  const visit = (key: string, seen: Set<string>): number => {
    const known = result.get(key);
    if (known !== undefined) return known;
    const v = views.get(key);
    if (!v || seen.has(key)) return 0;
    seen.add(key);
    const depth = Math.max(
      0,
      ...v.dependsOn.filter((d) => views.has(d)).map((d) => visit(d, seen) + 1),
    );
    result.set(key, depth);
    return depth;
  };
  for (const key of views.keys()) visit(key, new Set());
  return result;
}

/**
 * Views and materialized views. A view is dropped and created again when its definition changes, or when
 * something it reads changes shape (a column type, a dropped column, a rebuilt view) — PostgreSQL refuses those
 * changes while the view exists.
 */
export function diffViews(ctx: DiffContext): void {
  const from = viewsAndTables(ctx.from).views;
  const to = viewsAndTables(ctx.to).views;
  const fromDepth = depths(from);
  const toDepth = depths(to);
  const rebuilt = new Set<string>();
  for (const [key, a, b] of pairs(from, to)) {
    if (a && b && !sameView(a, b)) rebuilt.add(key);
  }
  // A view that becomes something else (a table, a materialized view) or goes away takes its readers with it.
  const droppedViews = new Set(
    [...from.keys()].filter(
      (k) => !to.has(k) || to.get(k)?.materialized !== from.get(k)?.materialized,
    ),
  );
  // Anything reading a rebuilt view, a reshaped table or a function made again is rebuilt too (to a fixed point).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, a] of from) {
      if (rebuilt.has(key) || !to.has(key)) continue;
      if (
        a.dependsOn.some(
          (d) =>
            rebuilt.has(d) ||
            droppedViews.has(d) ||
            ctx.reshapedTables.has(d) ||
            ctx.droppedTables.has(d) ||
            (d.endsWith(")") && ctx.recreated.has(d)),
        )
      ) {
        rebuilt.add(key);
        grew = true;
      }
    }
  }
  for (const [key, a, b] of pairs(from, to)) {
    const kind = (a ?? b)?.materialized ? "materialized-view" : "view";
    if (a && !b)
      dropView(
        ctx.set.add(kind, a, "removed", { before: createView(a), pairKey: `relation:${key}` }),
        a,
        fromDepth.get(key) ?? 0,
      );
    else if (!a && b)
      addView(
        ctx.set.add(kind, b, "added", { after: createView(b), pairKey: `relation:${key}` }),
        b,
        toDepth.get(key) ?? 0,
      );
    else if (a && b && rebuilt.has(key)) {
      const d = ctx.set.add(kind, b, "changed", {
        before: createView(a),
        after: createView(b),
        pairKey: `relation:${key}`,
      });
      dropView(d, a, fromDepth.get(key) ?? 0);
      addView(d, b, toDepth.get(key) ?? 0);
      ctx.recreated.add(key);
    } else if (a && b) {
      if (b.materialized) diffIndexes(ctx, b, a.indexes, b.indexes, true, "view");
      diffTriggers(ctx, a, b);
      if (a.comment !== b.comment) {
        const d = ctx.set.add("comment", b, "changed", {
          before: a.comment,
          after: b.comment,
          pairKey: `comment:view:${key}`,
        });
        step(
          d,
          PHASE.comment,
          commentOn(`${b.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${key}`, b.comment),
        );
      }
    }
  }
}

function sameView(a: ViewInfo, b: ViewInfo): boolean {
  return (
    a.materialized === b.materialized &&
    sameSql(comparableDefinition(a), comparableDefinition(b)) &&
    a.options.join() === b.options.join()
  );
}

/**
 * pg_get_viewdef() of PostgreSQL 16+ leaves out the table qualifier on columns of single-table queries
 * (`SELECT id` where 15 printed `SELECT items.id`); drop those qualifiers on both sides before comparing.
 */
function comparableDefinition(v: ViewInfo): string {
  let text = v.definition;
  for (const dependency of v.dependsOn) {
    const relation = dependency.slice(dependency.lastIndexOf(".") + 1);
    const escaped = relation.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    text = text.replace(new RegExp(`(?<![\\w."])${escaped}\\.(?=["a-z_])`, "g"), "");
  }
  return text;
}

function dropView(d: Draft, v: ViewInfo, depth: number): void {
  const what = v.materialized ? "MATERIALIZED VIEW" : "VIEW";
  step(
    d,
    PHASE.dropView,
    `DROP ${what} IF EXISTS ${qualified(v.schema, v.name)}`,
    [],
    1000 - depth,
  );
}

function addView(d: Draft, v: ViewInfo, depth: number): void {
  const hazards = v.materialized
    ? [hazard("table-rewrite", `${v.name} is computed and stored again`)]
    : [];
  step(d, PHASE.createView, createView(v), hazards, depth);
  for (const i of v.indexes) createIndex(d, v, i, false, PHASE.viewIndex);
  for (const tr of v.triggers ?? []) createTrigger(d, v, tr);
  if (v.comment !== undefined) {
    step(
      d,
      PHASE.comment,
      commentOn(
        `${v.materialized ? "MATERIALIZED VIEW" : "VIEW"} ${qualified(v.schema, v.name)}`,
        v.comment,
      ),
    );
  }
}
