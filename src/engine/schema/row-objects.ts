/**
 * Rows of a `pg` query read as arrays (`rowMode: "array"`) made into the objects `pg` would have made
 * (a property per field, in field order; of two fields with one name, the later value in the earlier place).
 * `pg` builds each object field by field under names known only at run time, which costs more than the
 * reading of the row itself for a catalog query of 100,000 rows; here each field list gets one function
 * that returns an object literal, so every row of a query has one shape.
 */
type Build = (values: unknown[]) => Record<string, unknown>;

const builders = new Map<string, Build>();

export function rowObjects(
  fields: Array<{ name: string }>,
  rows: unknown[][],
): Array<Record<string, unknown>> {
  const names = fields.map((f) => f.name);
  const key = names.join("\u0000");
  let build = builders.get(key);
  if (!build) {
    const last = new Map(names.map((name, i) => [name, i]));
    // "__proto__" in a literal would set the prototype instead: computed keys define a property.
    const body = [...last]
      .map(
        ([name, i]) => `${name === "__proto__" ? `["__proto__"]` : JSON.stringify(name)}: v[${i}]`,
      )
      .join(", ");
    build = new Function("v", `return { ${body} };`) as Build;
    // Only a few shapes are ever asked for; keep the cache small all the same.
    if (builders.size > 200) builders.clear();
    builders.set(key, build);
  }
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = build(rows[i] as unknown[]);
  return out;
}
