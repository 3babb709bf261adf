import { isIdentifier } from "./identifiers.js";

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
 */
export function tsLiteral(value: unknown, indent = 0, lead = 0): string {
  const inline = inlineLiteral(value);
  // `lead` is what precedes the value on its first line (`key: `); +2 leaves room for `,`/`;`.
  if (indent + lead + inline.length + 2 <= LINE_WIDTH) return inline;
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${pad}${tsLiteral(v, indent + 2)},`).join("\n")}\n${close}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([k, v]) => {
      const key = propertyKey(k);
      return `${pad}${key}: ${tsLiteral(v, indent + 2, key.length + 2)},`;
    });
    return `{\n${lines.join("\n")}\n${close}}`;
  }
  return inline;
}

function inlineLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineLiteral).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${inlineLiteral(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "undefined";
}
