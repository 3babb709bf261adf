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

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

const MAX_DEPTH = 64;

/**
 * The JSON value an expression has when it is written as data: literals, object and array
 * literals, spreads, `as const`, and names of constants (also imported ones) holding such data.
 * Anything computed at run time gives undefined (inside an object: that key is left out).
 */
export function staticValue(project: Project, lazy: Lazy): JsonValue | undefined {
  return evaluate(project, lazy.expr, lazy.scope, 0);
}

function evaluate(
  project: Project,
  expr: AstNode,
  scope: Scope,
  depth: number,
): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrap(expr);
  if (!n) return undefined;
  switch (n.type) {
    case "Literal": {
      const v = n.value;
      if (typeof v === "string" || typeof v === "boolean" || v === null) return v;
      if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
      return undefined;
    }
    case "TemplateLiteral": {
      if (children(n, "expressions").length > 0) return undefined;
      const cooked = (children(n, "quasis")[0]?.value as { cooked?: string } | undefined)?.cooked;
      return cooked ?? undefined;
    }
    case "UnaryExpression": {
      const arg = evaluate(project, child(n, "argument") as AstNode, scope, depth + 1);
      if (n.operator === "-" && typeof arg === "number") return -arg;
      if (n.operator === "+" && typeof arg === "number") return arg;
      return undefined;
    }
    case "ObjectExpression": {
      const out: { [key: string]: JsonValue } = {};
      for (const prop of children(n, "properties")) {
        if (prop.type === "SpreadElement") {
          const spread = evaluate(project, child(prop, "argument") as AstNode, scope, depth + 1);
          if (spread && typeof spread === "object" && !Array.isArray(spread))
            Object.assign(out, spread);
          continue;
        }
        if (prop.type !== "Property" || prop.method || prop.kind !== "init") continue;
        const key = propertyKey(prop);
        const value = child(prop, "value");
        if (key === undefined || !value) continue;
        const v = evaluate(project, value, scope, depth + 1);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case "ArrayExpression": {
      const out: JsonValue[] = [];
      for (const element of children(n, "elements")) {
        if (element.type === "SpreadElement") {
          const spread = evaluate(project, child(element, "argument") as AstNode, scope, depth + 1);
          if (Array.isArray(spread)) out.push(...spread);
          continue;
        }
        const v = evaluate(project, element, scope, depth + 1);
        if (v !== undefined) out.push(v);
      }
      return out;
    }
    case "Identifier": {
      const resolved = project.resolveName(n.name as string, scope);
      if (resolved?.binding.kind !== "value") return undefined;
      const { value } = resolved.binding;
      return evaluate(project, value.expr, value.scope, depth + 1);
    }
    case "MemberExpression": {
      const parts = memberParts(n);
      if (!parts) return undefined;
      const namespace = namespaceMember(project, parts.object, parts.property, scope);
      if (namespace) return evaluate(project, namespace.expr, namespace.scope, depth + 1);
      const object = evaluate(project, parts.object, scope, depth + 1);
      if (object && typeof object === "object" && !Array.isArray(object))
        return object[parts.property];
      return undefined;
    }
    case "CallExpression": {
      // Object.freeze({ … }) and structuredClone({ … }) keep the data they are given.
      const callee = child(n, "callee");
      const text = callee ? scope.module.parsed.source.slice(callee.start, callee.end) : "";
      if (text === "Object.freeze" || text === "structuredClone") {
        const arg = children(n, "arguments")[0];
        return arg ? evaluate(project, arg, scope, depth + 1) : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** `schemas.getUser` where `import * as schemas from "./schemas.js"`. */
function namespaceMember(
  project: Project,
  object: AstNode,
  property: string,
  scope: Scope,
): Lazy | undefined {
  const name = identifierName(object);
  const found = name ? scope.lookup(name) : undefined;
  if (found?.binding.kind !== "import" || found.binding.name !== "*") return undefined;
  const module = project.moduleFor(scope.module, found.binding.source);
  const resolved = module ? project.resolveExport(module, property) : undefined;
  return resolved?.binding.kind === "value" ? resolved.binding.value : undefined;
}
