import { type AstNode, children, unwrap } from "./ast.js";
import type { Lazy, Scope } from "./model.js";
import type { Project } from "./project.js";
import type { RouteSchema } from "./route-schema.js";
import { type JsonValue, staticValue } from "./static-value.js";
import { callChain } from "./zod-schema.js";

type Schema = { [key: string]: JsonValue };
type Part = "body" | "querystring" | "params" | "headers" | "cookies";

const LOCATIONS: Record<string, Part> = {
  body: "body",
  check: "body",
  query: "querystring",
  param: "params",
  params: "params",
  header: "headers",
  headers: "headers",
  cookie: "cookies",
  cookies: "cookies",
};

/** Field rules one validator method states, as JSON Schema keywords. */
function rule(name: string, options: JsonValue | undefined): Schema | undefined {
  const o =
    typeof options === "object" && options !== null && !Array.isArray(options) ? options : {};
  const bounds = (min: string, max: string): Schema => {
    const out: Schema = {};
    if (typeof o.min === "number") out[min] = o.min;
    if (typeof o.max === "number") out[max] = o.max;
    return out;
  };
  switch (name) {
    case "isEmail":
      return { type: "string", format: "email" };
    case "isURL":
      return { type: "string", format: "uri" };
    case "isUUID":
      return { type: "string", format: "uuid" };
    case "isISO8601":
      return { type: "string", format: "date-time" };
    case "isDate":
      return { type: "string", format: "date" };
    case "isInt":
      return { type: "integer", ...bounds("minimum", "maximum") };
    case "isFloat":
    case "isNumeric":
    case "isDecimal":
      return { type: "number", ...bounds("minimum", "maximum") };
    case "isBoolean":
      return { type: "boolean" };
    case "isString":
      return { type: "string" };
    case "isArray":
      return { type: "array", ...bounds("minItems", "maxItems") };
    case "isObject":
      return { type: "object" };
    case "isLength":
      return bounds("minLength", "maxLength");
    case "notEmpty":
      return { minLength: 1 };
    case "isIn":
      return Array.isArray(options) ? { enum: options } : {};
    default:
      return undefined;
  }
}

class Fields {
  readonly parts = new Map<Part, { properties: Schema; required: Set<string> }>();

  add(part: Part, field: string, schema: Schema, optional: boolean): void {
    // `address.city` → the top-level property; wildcards and nesting are left to the handler.
    const name = field.split(/[.[]/)[0]!;
    if (!name || name === "*") return;
    const entry = this.parts.get(part) ?? { properties: {}, required: new Set<string>() };
    entry.properties[name] = { ...((entry.properties[name] as Schema) ?? {}), ...schema };
    if (!optional && name === field) entry.required.add(name);
    this.parts.set(part, entry);
  }

  routeSchema(): RouteSchema | undefined {
    if (this.parts.size === 0) return undefined;
    const out: RouteSchema = {};
    for (const [part, { properties, required }] of this.parts) {
      const schema: Schema = { type: "object", properties };
      if (required.size > 0) schema.required = [...required];
      out[part] = schema;
    }
    return out;
  }
}

/** `body("email").isEmail().optional()` (any location function), added to `fields`. */
function readChain(project: Project, expr: AstNode, scope: Scope, fields: Fields): boolean {
  const chain = callChain(expr);
  const root = chain?.links[0];
  if (
    !chain ||
    !root ||
    chain.root.type !== "Identifier" ||
    !fromExpressValidator(chain.root.name as string, scope)
  ) {
    return false;
  }
  const arg = (node: AstNode | undefined) =>
    node ? staticValue(project, { expr: node, scope }) : undefined;
  if (root.name === "checkSchema") {
    const spec = arg(root.args[0]);
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return true;
    for (const [field, rules] of Object.entries(spec)) {
      if (typeof rules !== "object" || rules === null || Array.isArray(rules)) continue;
      const where = Array.isArray(rules.in)
        ? String(rules.in[0])
        : typeof rules.in === "string"
          ? rules.in
          : "body";
      let schema: Schema = {};
      for (const [name, value] of Object.entries(rules)) {
        // `options` is the validator's argument, or the list of its arguments.
        const given =
          typeof value === "object" && value !== null && !Array.isArray(value)
            ? value.options
            : undefined;
        const options = Array.isArray(given) ? given[0] : given;
        schema = { ...schema, ...(rule(name, options ?? undefined) ?? {}) };
      }
      fields.add(
        LOCATIONS[where] ?? "body",
        field,
        schema,
        rules.optional !== undefined && rules.optional !== false,
      );
    }
    return true;
  }
  const part = LOCATIONS[root.name];
  if (!part) return false;
  const names = arg(root.args[0]);
  let schema: Schema = {};
  let optional = false;
  for (const link of chain.links.slice(1)) {
    if (link.name === "optional") optional = true;
    else if (link.name === "exists") optional = false;
    else schema = { ...schema, ...(rule(link.name, arg(link.args[0])) ?? {}) };
  }
  for (const name of Array.isArray(names) ? names : [names]) {
    if (typeof name === "string") fields.add(part, name, schema, optional);
  }
  return true;
}

function fromExpressValidator(name: string, scope: Scope): boolean {
  const found = scope.lookup(name);
  return found?.binding.kind === "import" && found.binding.source === "express-validator";
}

/**
 * The request schema express-validator chains among a route's middleware declare
 * (`body("email").isEmail()`, arrays of them, constants holding them, `checkSchema({ … })`).
 */
export function expressValidatorSchema(
  project: Project,
  middleware: Lazy[],
): RouteSchema | undefined {
  const fields = new Fields();
  const visit = (lazy: Lazy, depth: number) => {
    if (depth > 8) return;
    const node = unwrap(lazy.expr);
    if (!node) return;
    if (node.type === "ArrayExpression") {
      for (const element of children(node, "elements"))
        visit({ expr: element, scope: lazy.scope }, depth + 1);
      return;
    }
    if (node.type === "Identifier") {
      const found = project.resolveName(node.name as string, lazy.scope);
      if (found?.binding.kind === "value") visit(found.binding.value, depth + 1);
      return;
    }
    readChain(project, node, lazy.scope, fields);
  };
  for (const lazy of middleware) visit(lazy, 0);
  return fields.routeSchema();
}
