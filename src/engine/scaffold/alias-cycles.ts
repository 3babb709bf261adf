import { type JsonSchema, refName } from "../openapi/index.js";

type Obj = { [keyword: string]: unknown };
const COMBINATORS = ["allOf", "oneOf", "anyOf"] as const;

/** Named schemas a schema's TypeScript alias refers to directly: through allOf/oneOf/anyOf, not properties. */
function aliasRefs(schema: JsonSchema, into = new Set<string>()): Set<string> {
  if (typeof schema !== "object" || schema === null) return into;
  const ref = refName(schema);
  if (ref !== undefined) into.add(ref);
  for (const kw of COMBINATORS) {
    const members = (schema as Obj)[kw];
    if (Array.isArray(members)) for (const m of members) aliasRefs(m as JsonSchema, into);
  }
  return into;
}

/**
 * Copies of the named schemas for type emission, with the union members that would make a type
 * alias refer to itself removed. The discriminator pattern (`Animal: oneOf [Cat, Dog]`, `Cat:
 * allOf [Animal, …]`) otherwise gives `type Animal = … & (Cat | Dog)` and `type Cat = Animal & …`,
 * which TypeScript refuses (TS2456). The base keeps its own properties; validation is unchanged.
 */
export function withoutAliasCycles(
  schemas: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const direct = new Map(Object.entries(schemas).map(([name, s]) => [name, aliasRefs(s)]));
  const reach = new Map<string, Set<string>>();
  const reachable = (name: string): Set<string> => {
    const known = reach.get(name);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [...(direct.get(name) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(direct.get(next) ?? []));
    }
    reach.set(name, seen);
    return seen;
  };
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (typeof schema !== "object" || schema === null || !reachable(name).has(name)) {
      out[name] = schema;
      continue;
    }
    const copy: Obj = { ...schema };
    for (const kw of ["oneOf", "anyOf"] as const) {
      if (!Array.isArray(copy[kw])) continue;
      const kept = (copy[kw] as JsonSchema[]).filter((member) => {
        const refs = aliasRefs(member);
        return ![...refs].some((r) => r === name || reachable(r).has(name));
      });
      if (kept.length > 0) copy[kw] = kept;
      else delete copy[kw];
    }
    out[name] = copy;
  }
  return out;
}
