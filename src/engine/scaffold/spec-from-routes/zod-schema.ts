import {
  type AstNode,
  child,
  children,
  identifierName,
  memberParts,
  propertyKey,
  unwrap,
} from "./ast.js";
import type { Lazy, Scope } from "./model.js";
import type { Project } from "./project.js";
import { type JsonValue, staticValue } from "./static-value.js";

type Schema = { [key: string]: JsonValue };
const MAX_DEPTH = 32;

/** One link of a method chain: `z.string().min(1)` → [{ name: "string" }, { name: "min", args }]. */
interface Link {
  name: string;
  args: AstNode[];
}

/**
 * `a.b(x).c(y)` read from the end: the root (`a`) and the calls in order. Undefined when the
 * expression is not such a chain.
 */
export function callChain(expr: AstNode): { root: AstNode; links: Link[] } | undefined {
  const links: Link[] = [];
  let node = unwrap(expr);
  while (node?.type === "CallExpression") {
    const callee = unwrap(child(node, "callee"));
    const member = callee ? memberParts(callee) : undefined;
    if (member) {
      links.unshift({ name: member.property, args: children(node, "arguments") });
      node = unwrap(member.object);
    } else if (callee?.type === "Identifier") {
      links.unshift({ name: callee.name as string, args: children(node, "arguments") });
      return { root: callee, links };
    } else return undefined;
  }
  return node && links.length > 0 ? { root: node, links } : undefined;
}

/** The expression a name stands for (a `const` in this or an imported module), else the node itself. */
function resolved(project: Project, lazy: Lazy): Lazy {
  let current = lazy;
  for (let i = 0; i < 8; i++) {
    const name = identifierName(current.expr);
    if (!name) return current;
    const found = project.resolveName(name, current.scope);
    if (found?.binding.kind !== "value") return current;
    current = found.binding.value;
  }
  return current;
}

/** Is `name` zod's namespace here (`import { z } from "zod"`, `import * as z from "zod"`)? */
function isZod(name: string | undefined, scope: Scope): boolean {
  if (!name) return false;
  const found = scope.lookup(name);
  return found?.binding.kind === "import" && /^zod(\/|$)/.test(found.binding.source);
}

/**
 * The JSON Schema a zod declaration describes (`z.object({ name: z.string().min(1) })`), read
 * statically, or undefined when `lazy` is not a zod schema. `optional` says `.optional()` or
 * `.default()` was applied (the property is not required).
 */
export function zodSchema(
  project: Project,
  lazy: Lazy,
  depth = 0,
): { schema: Schema; optional: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = resolved(project, lazy);
  const chain = callChain(target.expr);
  if (!chain) return undefined;
  const [first, ...rest] = chain.links;
  let base: { schema: Schema; optional: boolean } | undefined;
  if (chain.root.type === "Identifier" && isZod(chain.root.name as string, target.scope) && first) {
    base = zodBase(project, first, target.scope, depth);
  } else {
    // A chain on another zod schema: `userSchema.extend({ … })`, `base.optional()`.
    const inner = zodSchema(project, { expr: chain.root, scope: target.scope }, depth + 1);
    if (inner) base = applyLink(project, inner, first!, target.scope, depth);
  }
  if (!base) return undefined;
  for (const link of rest) base = applyLink(project, base, link, target.scope, depth);
  return base;
}

function argSchema(
  project: Project,
  arg: AstNode | undefined,
  scope: Scope,
  depth: number,
): Schema {
  return arg ? (zodSchema(project, { expr: arg, scope }, depth + 1)?.schema ?? {}) : {};
}

function zodBase(
  project: Project,
  link: Link,
  scope: Scope,
  depth: number,
): { schema: Schema; optional: boolean } | undefined {
  const [a0, a1] = link.args;
  const value = (arg: AstNode | undefined) =>
    arg ? staticValue(project, { expr: arg, scope }) : undefined;
  const simple: Record<string, Schema> = {
    string: { type: "string" },
    number: { type: "number" },
    int: { type: "integer" },
    bigint: { type: "integer" },
    boolean: { type: "boolean" },
    date: { type: "string", format: "date-time" },
    null: { type: "null" },
    email: { type: "string", format: "email" },
    uuid: { type: "string", format: "uuid" },
    url: { type: "string", format: "uri" },
    any: {},
    unknown: {},
  };
  if (link.name in simple) return { schema: { ...simple[link.name]! }, optional: false };
  switch (link.name) {
    case "literal":
      return { schema: { const: value(a0) ?? null }, optional: false };
    case "enum": {
      const values = value(a0);
      return {
        schema: Array.isArray(values) ? { type: "string", enum: values } : { type: "string" },
        optional: false,
      };
    }
    case "array":
      return {
        schema: { type: "array", items: argSchema(project, a0, scope, depth) },
        optional: false,
      };
    case "record":
      return {
        schema: {
          type: "object",
          additionalProperties: argSchema(project, a1 ?? a0, scope, depth),
        },
        optional: false,
      };
    case "object":
    case "strictObject":
      return {
        schema: objectSchema(project, a0, scope, depth, link.name === "strictObject"),
        optional: false,
      };
    case "union":
    case "discriminatedUnion": {
      const list = unwrap(link.name === "union" ? a0 : a1);
      const members =
        list?.type === "ArrayExpression"
          ? children(list, "elements").map((e) => argSchema(project, e, scope, depth))
          : [];
      return { schema: { anyOf: members }, optional: false };
    }
    case "intersection":
      return {
        schema: {
          allOf: [argSchema(project, a0, scope, depth), argSchema(project, a1, scope, depth)],
        },
        optional: false,
      };
    default:
      return undefined;
  }
}

function objectSchema(
  project: Project,
  arg: AstNode | undefined,
  scope: Scope,
  depth: number,
  strict: boolean,
): Schema {
  const shape = arg ? resolved(project, { expr: arg, scope }) : undefined;
  const node = unwrap(shape?.expr);
  const properties: Schema = {};
  const required: string[] = [];
  for (const prop of node?.type === "ObjectExpression" ? children(node, "properties") : []) {
    const key = prop.type === "Property" ? propertyKey(prop) : undefined;
    const value = child(prop, "value");
    if (!key || !value) continue;
    const field = zodSchema(project, { expr: value, scope: shape!.scope }, depth + 1);
    properties[key] = field?.schema ?? {};
    if (!field?.optional) required.push(key);
  }
  const out: Schema = { type: "object", properties };
  if (required.length > 0) out.required = required;
  if (strict) out.additionalProperties = false;
  return out;
}

/** One chained call on a schema: refinements become keywords; unknown calls leave it as it is. */
function applyLink(
  project: Project,
  base: { schema: Schema; optional: boolean },
  link: Link,
  scope: Scope,
  depth: number,
) {
  const s = { ...base.schema };
  const n = link.args[0] ? staticValue(project, { expr: link.args[0], scope }) : undefined;
  const num = typeof n === "number" ? n : undefined;
  const isString = s.type === "string";
  const isArray = s.type === "array";
  let optional = base.optional;
  switch (link.name) {
    case "optional":
    case "nullish":
      optional = true;
      if (link.name === "nullish") s.type = [String(s.type ?? "string"), "null"];
      break;
    case "default":
      optional = true;
      if (n !== undefined) s.default = n;
      break;
    case "nullable":
      if (typeof s.type === "string") s.type = [s.type, "null"];
      break;
    case "describe":
      if (typeof n === "string") s.description = n;
      break;
    case "min":
    case "gte":
      if (num !== undefined) s[isString ? "minLength" : isArray ? "minItems" : "minimum"] = num;
      break;
    case "max":
    case "lte":
      if (num !== undefined) s[isString ? "maxLength" : isArray ? "maxItems" : "maximum"] = num;
      break;
    case "gt":
      if (num !== undefined) s.exclusiveMinimum = num;
      break;
    case "lt":
      if (num !== undefined) s.exclusiveMaximum = num;
      break;
    case "length":
      if (num !== undefined)
        Object.assign(
          s,
          isString ? { minLength: num, maxLength: num } : { minItems: num, maxItems: num },
        );
      break;
    case "nonempty":
      s[isString ? "minLength" : "minItems"] = 1;
      break;
    case "int":
      s.type = "integer";
      break;
    case "positive":
      s.exclusiveMinimum = 0;
      break;
    case "nonnegative":
      s.minimum = 0;
      break;
    case "email":
    case "uuid":
      s.format = link.name;
      break;
    case "url":
      s.format = "uri";
      break;
    case "datetime":
      s.format = "date-time";
      break;
    case "regex": {
      const re = unwrap(link.args[0]);
      const pattern = (re?.regex as { pattern?: string } | undefined)?.pattern;
      if (typeof pattern === "string") s.pattern = pattern;
      break;
    }
    case "strict":
      s.additionalProperties = false;
      break;
    case "partial":
      delete s.required;
      break;
    case "extend":
    case "merge": {
      const more =
        link.name === "extend"
          ? objectSchema(project, link.args[0], scope, depth, false)
          : argSchema(project, link.args[0], scope, depth);
      s.properties = { ...(s.properties as Schema), ...(more.properties as Schema) };
      const required = [
        ...((s.required as string[]) ?? []),
        ...((more.required as string[]) ?? []),
      ];
      if (required.length > 0) s.required = [...new Set(required)];
      break;
    }
    case "or":
      return { schema: { anyOf: [s, argSchema(project, link.args[0], scope, depth)] }, optional };
    case "and":
      return { schema: { allOf: [s, argSchema(project, link.args[0], scope, depth)] }, optional };
    case "array":
      return { schema: { type: "array", items: s }, optional };
  }
  return { schema: s, optional };
}
