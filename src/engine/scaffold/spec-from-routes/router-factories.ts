import {
  type AstNode,
  child,
  children,
  identifierName,
  memberParts,
  objectProperty,
  stringValue,
  unwrap,
} from "./ast.js";
import type { RouteFramework, Scope } from "./model.js";

/** What a module specifier means for route detection. */
const PACKAGES: Record<string, RouteFramework> = {
  express: "express",
  fastify: "fastify",
  koa: "koa",
  "@koa/router": "koa",
  "koa-router": "koa",
};

export interface RouterCreation {
  framework?: RouteFramework;
  prefix: string;
}

/** The package and export a name was imported from (`import`, or `require` in CommonJS files). */
export function importOrigin(
  name: string,
  scope: Scope,
): { source: string; name: string } | undefined {
  const found = scope.lookup(name);
  if (!found) return undefined;
  const { binding } = found;
  if (binding.kind === "import") return { source: binding.source, name: binding.name };
  if (binding.kind === "value") {
    const source = requireSource(binding.value.expr);
    if (source) return { source, name: "default" };
  }
  return undefined;
}

/** `require("x")` → "x". */
export function requireSource(expr: AstNode | undefined): string | undefined {
  const n = unwrap(expr);
  if (n?.type !== "CallExpression" || identifierName(child(n, "callee")) !== "require") {
    return undefined;
  }
  return stringValue(children(n, "arguments")[0]);
}

const FALLBACK_NAMES: Record<string, RouteFramework | undefined> = {
  express: "express",
  fastify: "fastify",
  Fastify: "fastify",
  Koa: "koa",
  KoaRouter: "koa",
  Router: undefined,
};

/**
 * Does this expression create an app or router?
 * `express()`, `express.Router()`, `Router()`, `fastify()`, `new Koa()`, `new Router({ prefix })`, …
 */
export function routerCreation(
  expr: AstNode | undefined,
  scope: Scope,
): RouterCreation | undefined {
  const n = unwrap(expr);
  if (n?.type !== "CallExpression" && n?.type !== "NewExpression") return undefined;
  const callee = unwrap(child(n, "callee"));
  const args = children(n, "arguments");
  const prefix = stringValue(objectProperty(args[0], "prefix")) ?? "";
  const member = memberParts(callee);
  if (member) {
    const objectName = identifierName(member.object);
    if (!objectName || member.property !== "Router") return undefined;
    const origin = importOrigin(objectName, scope);
    const framework = origin
      ? PACKAGES[origin.source]
      : objectName === "express"
        ? "express"
        : undefined;
    return framework ? { framework, prefix } : undefined;
  }
  const name = identifierName(callee);
  if (!name) return undefined;
  const origin = importOrigin(name, scope);
  if (origin) {
    const framework = PACKAGES[origin.source];
    if (!framework) return undefined;
    if (framework === "koa" && origin.source === "koa") return { framework, prefix: "" };
    return { framework, prefix: framework === "koa" ? prefix : "" };
  }
  if (!(name in FALLBACK_NAMES) || scope.lookup(name)) return undefined;
  const framework = FALLBACK_NAMES[name];
  return { framework, prefix: n.type === "NewExpression" ? prefix : "" };
}
