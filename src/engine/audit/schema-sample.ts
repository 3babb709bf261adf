import type { JsonSchema } from "./operations.js";

/**
 * A value that satisfies the schema (examples, defaults, enums, formats, bounds), used as the valid
 * baseline that each negative request breaks in exactly one way. Depth-bounded for circular schemas.
 */
export function sampleFor(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.allOf?.length) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) Object.assign(merged, sampleFor(part, depth + 1) as object);
    return merged;
  }
  const choice = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (choice) return sampleFor(choice, depth + 1);
  switch (primaryType(schema)) {
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || depth === 0) out[name] = sampleFor(prop, depth + 1);
      }
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        sampleFor(schema.items, depth + 1),
      );
    case "integer":
      return Math.max(typeof schema.minimum === "number" ? schema.minimum : 1, 1);
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1.5;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return sampleString(schema);
  }
}

export function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

function sampleString(schema: JsonSchema): string {
  const byFormat: Record<string, string> = {
    email: "audit@example.com",
    uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date-time": "2026-01-01T00:00:00Z",
    date: "2026-01-01",
    uri: "https://example.com/",
    url: "https://example.com/",
    hostname: "example.com",
    ipv4: "192.0.2.1",
  };
  const base = (schema.format && byFormat[schema.format]) || "sample";
  const min = schema.minLength ?? 0;
  const padded = base.length >= min ? base : base.padEnd(min, "x");
  return schema.maxLength !== undefined ? padded.slice(0, Math.max(schema.maxLength, min)) : padded;
}
