import { isIdentifier } from "../openapi/index.js";

const LINE_WIDTH = 100;

/** A property key as a formatter would write it: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return isIdentifier(name) || /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
    ? name
    : JSON.stringify(name);
}

/**
 * A JSON value as a TypeScript literal laid out the way Biome/Prettier would: on one line when it
 * fits in 100 columns, otherwise one entry per line with trailing commas.
 * `lead` is what precedes the value on its first line (e.g. `key: `).
 */
export function tsLiteral(value: unknown, indent = 0, lead = 0): string {
  // +2 leaves room for the `,` or `;` that follows.
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "undefined";
  const inline = inlineLiteral(value, LINE_WIDTH - indent - lead - 2);
  if (inline !== undefined) return inline;
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${pad}${tsLiteral(v, indent + 2)},`).join("\n")}\n${close}]`;
  }
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  const lines = entries.map(([k, v]) => {
    const key = propertyKey(k);
    return `${pad}${key}: ${tsLiteral(v, indent + 2, key.length + 2)},`;
  });
  return `{\n${lines.join("\n")}\n${close}}`;
}

/** The one-line form, or undefined as soon as it would be longer than `budget` characters. */
function inlineLiteral(value: unknown, budget: number): string | undefined {
  if (budget <= 0) return undefined;
  if (typeof value !== "object" || value === null) {
    const text = JSON.stringify(value) ?? "undefined";
    return text.length <= budget ? text : undefined;
  }
  const isArray = Array.isArray(value);
  const entries = isArray
    ? value.map((v) => ["", v] as const)
    : Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return isArray ? "[]" : "{}";
  const parts: string[] = [];
  let length = isArray ? 2 : 4;
  for (const [k, v] of entries) {
    const key = isArray ? "" : `${propertyKey(k)}: `;
    const text = inlineLiteral(v, budget - length - key.length);
    if (text === undefined) return undefined;
    length += key.length + text.length + (parts.length > 0 ? 2 : 0);
    if (length > budget) return undefined;
    parts.push(key + text);
  }
  return isArray ? `[${parts.join(", ")}]` : `{ ${parts.join(", ")} }`;
}
