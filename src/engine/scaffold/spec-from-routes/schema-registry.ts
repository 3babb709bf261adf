import { objectProperty, unwrap } from "./ast.js";
import type { Project } from "./project.js";
import type { Endpoint } from "./route-graph.js";
import { type JsonValue, staticValue } from "./static-value.js";

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const REGISTRY_REF = /^([^#]+)#\/\$defs\/(.+)$/;

/**
 * Validators often refer to shared schemas registered under an `$id` (the scaffolded `components`
 * constant: `{ $id: "components", $defs: { Pet: … } }`, referred to as `components#/$defs/Pet`).
 * Such refs become `#/components/schemas/Pet` and the registered schemas the document's components.
 */
export function liftRegistrySchemas(
  project: Project,
  endpoints: Endpoint[],
): Record<string, JsonValue> {
  if (!endpoints.some((e) => e.schema && JSON.stringify(e.schema).includes("#/$defs/"))) return {};
  const registries = findRegistries(project);
  const components: Record<string, JsonValue> = {};
  const rewrite = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      const match = key === "$ref" && typeof v === "string" ? REGISTRY_REF.exec(v) : null;
      out[key] =
        match && registries.get(match[1])?.[match[2]] !== undefined
          ? `#/components/schemas/${match[2]}`
          : rewrite(v);
    }
    return out;
  };
  for (const defs of registries.values()) {
    for (const [name, schema] of Object.entries(defs)) components[name] ??= rewrite(schema);
  }
  for (const endpoint of endpoints) {
    if (endpoint.schema)
      endpoint.schema = rewrite(endpoint.schema as JsonObject) as typeof endpoint.schema;
  }
  return components;
}

/** Module-level constants written as `{ $id: "…", $defs: { … } }`. */
function findRegistries(project: Project): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const module of project.modules.values()) {
    for (const binding of module.scope.vars.values()) {
      if (binding.kind !== "value") continue;
      const expr = unwrap(binding.value.expr);
      if (
        expr?.type !== "ObjectExpression" ||
        !objectProperty(expr, "$id") ||
        !objectProperty(expr, "$defs")
      ) {
        continue;
      }
      const value = staticValue(project, binding.value);
      if (isObject(value) && typeof value.$id === "string" && isObject(value.$defs)) {
        out.set(value.$id, value.$defs);
      }
    }
  }
  return out;
}
