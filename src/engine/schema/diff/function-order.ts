import type { FunctionInfo } from "../model.js";
import { qualified } from "../model.js";

export const functionKey = (f: FunctionInfo) => `${qualified(f.schema, f.name)}(${f.args})`;

/** The body of a definition, after its AS / RETURN / BEGIN ATOMIC (where calls are). */
const callsIn = (f: FunctionInfo, g: FunctionInfo) =>
  new RegExp(`(^|[^A-Za-z0-9_$])"?${g.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?\\s*\\(`).test(
    f.definition.slice(f.definition.search(/\)\s*(RETURNS|LANGUAGE|AS)\b/i) + 1),
  );

/**
 * How deep each of `subset` sits in the call graph among `subset` (0 = calls none of them): a function is
 * created after those it calls and dropped before them. Calls come from pg_depend (SQL-standard bodies) and,
 * for bodies PostgreSQL does not track, from the callee's name followed by "(" in the body.
 */
export function functionDepths(subset: FunctionInfo[]): Map<string, number> {
  const byKey = new Map(subset.map((f) => [functionKey(f), f]));
  const edges = new Map<string, string[]>();
  for (const f of subset) {
    const k = functionKey(f);
    const deps = new Set((f.dependsOn ?? []).filter((d) => byKey.has(d) && d !== k));
    // Text matching is quadratic: only among the few functions a migration creates or drops.
    if (subset.length <= 500)
      for (const g of subset) if (g !== f && callsIn(f, g)) deps.add(functionKey(g));
    edges.set(k, [...deps]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (k: string): number => {
    const known = depth.get(k);
    if (known !== undefined) return known;
    if (visiting.has(k)) return 0; // a cycle (mutual recursion): any order
    visiting.add(k);
    let d = 0;
    for (const dep of edges.get(k) ?? []) d = Math.max(d, visit(dep) + 1);
    visiting.delete(k);
    depth.set(k, d);
    return d;
  };
  for (const k of byKey.keys()) visit(k);
  return depth;
}
