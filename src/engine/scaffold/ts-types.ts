import { type JsonSchema, refName } from "../openapi/index.js";
import { propertyKey } from "./ts-literal.js";

type Obj = { [keyword: string]: unknown };

/** Named schema → TypeScript type name (already unique and an identifier). */
export type TypeNames = Map<string, string>;

/** A `/** … *\/` comment line (or nothing) for a description. */
export function docComment(text: unknown, indent: string): string {
  if (typeof text !== "string" || !text.trim()) return "";
  const clean = text.trim().replace(/\*\//g, "*\\/");
  const lines = clean.split("\n");
  if (lines.length === 1) return `${indent}/** ${clean} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

const wrap = (t: string) => (/^[\w."'[\]<>]+$/.test(t) || t.startsWith("{") ? t : `(${t})`);

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.includes("unknown")) return "unknown";
  return unique.length === 0 ? "never" : unique.join(" | ");
}

/**
 * The TypeScript type for a model schema. Named refs become type names (so circular schemas are
 * fine); objects are laid out one property per line at `indent`.
 */
export function tsType(schema: JsonSchema, names: TypeNames, indent = ""): string {
  if (schema === true) return "unknown";
  if (schema === false) return "never";
  const s = schema as Obj;
  const ref = refName(schema);
  if (ref !== undefined) return names.get(ref) ?? "unknown";
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return union(s.enum.map((v) => JSON.stringify(v)));
  const parts: string[] = [];
  const own = ownType(s, names, indent);
  if (own !== undefined) parts.push(own);
  for (const kw of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[kw]))
      parts.push(wrap(union((s[kw] as JsonSchema[]).map((x) => tsType(x, names, indent)))));
  }
  if (Array.isArray(s.allOf)) {
    for (const x of s.allOf as JsonSchema[]) parts.push(wrap(tsType(x, names, indent)));
  }
  const meaningful = parts.filter((p) => p !== "unknown");
  if (meaningful.length === 0) return "unknown";
  return meaningful.length === 1
    ? meaningful[0]!.replace(/^\((.*)\)$/s, "$1")
    : meaningful.join(" & ");
}

/** The type from `type` / `properties` / `items` alone (undefined when the schema says nothing of them). */
function ownType(s: Obj, names: TypeNames, indent: string): string | undefined {
  const types = Array.isArray(s.type)
    ? (s.type as string[])
    : typeof s.type === "string"
      ? [s.type]
      : [];
  if (types.length === 0) {
    if (s.properties || s.additionalProperties !== undefined) return objectType(s, names, indent);
    if (s.items || s.prefixItems) return arrayType(s, names, indent);
    return undefined;
  }
  return union(
    types.map((t) => {
      switch (t) {
        case "string":
          return "string";
        case "integer":
        case "number":
          return "number";
        case "boolean":
          return "boolean";
        case "null":
          return "null";
        case "array":
          return arrayType(s, names, indent);
        case "object":
          return objectType(s, names, indent);
        default:
          return "unknown";
      }
    }),
  );
}

function arrayType(s: Obj, names: TypeNames, indent: string): string {
  if (Array.isArray(s.prefixItems)) {
    return `[${(s.prefixItems as JsonSchema[]).map((x) => tsType(x, names, indent)).join(", ")}]`;
  }
  const item = s.items === undefined ? "unknown" : tsType(s.items as JsonSchema, names, indent);
  return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
}

function objectType(s: Obj, names: TypeNames, indent: string): string {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const [name, prop] of Object.entries(props)) {
    const optional = required.has(name) ? "" : "?";
    const doc = typeof prop === "object" ? docComment(prop.description, inner) : "";
    const head = `${inner}${propertyKey(name)}${optional}:`;
    lines.push(`${doc}${declaration(head, tsType(prop, names, inner), inner)}`);
  }
  const extra = s.additionalProperties;
  if (extra !== undefined && extra !== false) {
    const valueType =
      lines.length > 0 || extra === true ? "unknown" : tsType(extra as JsonSchema, names, inner);
    if (lines.length === 0) return `Record<string, ${valueType}>`;
    lines.push(`${inner}[key: string]: unknown;`);
  }
  if (lines.length === 0)
    return extra === false ? "Record<string, never>" : "Record<string, unknown>";
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** The members of a union at its top level (not inside brackets, braces or strings). */
function unionMembers(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c)) depth--;
    else if (depth === 0 && type.startsWith(" | ", i)) {
      members.push(type.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(type.slice(start));
  return members;
}

/**
 * `head type;` on one line when it fits in 100 columns; a long one-line union goes one member per
 * line, the way Biome lays it out. `indent` is the indentation of `head`.
 */
export function declaration(head: string, type: string, indent: string): string {
  const line = `${head} ${type};`;
  if (line.length <= 100 || type.includes("\n")) return line;
  const members = unionMembers(type);
  if (members.length < 2) return line;
  return `${head}\n${members.map((m) => `${indent}  | ${m}`).join("\n")};`;
}

/** Named schemas other named schemas refer to, for ordering definitions before their users. */
export function referencedNames(schema: JsonSchema, into = new Set<string>()): Set<string> {
  if (typeof schema !== "object" || schema === null) return into;
  const ref = refName(schema);
  if (ref !== undefined) into.add(ref);
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) for (const v of value) referencedNames(v as JsonSchema, into);
    else if (typeof value === "object" && value !== null)
      referencedNames(value as JsonSchema, into);
  }
  return into;
}

/** Schema names ordered so each comes after the ones it uses (cycles keep spec order). */
export function definitionOrder(schemas: Record<string, JsonSchema>): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.has(name) || !(name in schemas)) return;
    state.set(name, "visiting");
    for (const dep of referencedNames(schemas[name]!)) visit(dep);
    state.set(name, "done");
    order.push(name);
  };
  for (const name of Object.keys(schemas)) visit(name);
  return order;
}
