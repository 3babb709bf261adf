import {
  type AstNode,
  child,
  childNodes,
  children,
  identifierName,
  isFunction,
  propertyKey,
  stringValue,
  unwrap,
} from "./ast.js";
import type { FunctionInfo, ModuleScan } from "./model.js";
import { newRouterNode, Scope } from "./model.js";
import type { ParsedModule } from "./parse-source.js";
import { scanCall } from "./route-calls.js";
import { requireSource, routerCreation } from "./router-factories.js";

interface Context {
  scope: Scope;
  fn?: FunctionInfo;
}

/** Walk one module: bind names, find routers, routes, mounts and exports. */
export function scanModule(parsed: ParsedModule, displayPath: string): ModuleScan {
  const module = {
    parsed,
    displayPath,
    exports: new Map(),
    nodes: [],
    functions: new WeakMap(),
    warnings: [],
  } as unknown as ModuleScan;
  (module as { scope: Scope }).scope = new Scope(module);
  const ctx: Context = { scope: module.scope };
  for (const statement of children(parsed.program, "body")) hoist(statement, ctx);
  for (const statement of children(parsed.program, "body")) visit(statement, ctx);
  return module;
}

/** Function declarations are callable before their line: bind them first. */
function hoist(node: AstNode, ctx: Context): void {
  const decl =
    node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration"
      ? child(node, "declaration")
      : node;
  if (decl?.type === "FunctionDeclaration") {
    const name = identifierName(child(decl, "id"));
    if (name) ctx.scope.vars.set(name, { kind: "function", fn: functionInfo(decl, ctx) });
  }
}

function functionInfo(ast: AstNode, ctx: Context): FunctionInfo {
  const module = ctx.scope.module;
  let fn = module.functions.get(ast);
  if (!fn) {
    fn = { ast, module };
    module.functions.set(ast, fn);
  }
  return fn;
}

function visit(node: AstNode, ctx: Context): void {
  const module = ctx.scope.module;
  switch (node.type) {
    case "ImportDeclaration": {
      const source = stringValue(child(node, "source"));
      if (!source || node.importKind === "type") return;
      for (const spec of children(node, "specifiers")) {
        const local = identifierName(child(spec, "local"));
        if (!local) continue;
        const name =
          spec.type === "ImportDefaultSpecifier"
            ? "default"
            : spec.type === "ImportNamespaceSpecifier"
              ? "*"
              : (identifierName(child(spec, "imported")) ?? stringValue(child(spec, "imported")));
        if (name) ctx.scope.vars.set(local, { kind: "import", source, name });
      }
      return;
    }
    case "ExportNamedDeclaration": {
      const declaration = child(node, "declaration");
      const source = stringValue(child(node, "source"));
      for (const spec of children(node, "specifiers")) {
        const local = identifierName(child(spec, "local")) ?? stringValue(child(spec, "local"));
        const exported =
          identifierName(child(spec, "exported")) ?? stringValue(child(spec, "exported"));
        if (!local || !exported) continue;
        module.exports.set(
          exported,
          source ? { kind: "reexport", source, name: local } : { kind: "name", name: local },
        );
      }
      if (declaration) {
        visit(declaration, ctx);
        for (const name of declaredNames(declaration)) {
          module.exports.set(name, { kind: "name", name });
        }
      }
      return;
    }
    case "ExportDefaultDeclaration": {
      const declaration = child(node, "declaration");
      if (!declaration) return;
      visit(declaration, ctx);
      if (isFunction(declaration)) {
        module.exports.set("default", {
          kind: "binding",
          binding: { kind: "function", fn: functionInfo(declaration, ctx) },
        });
      } else {
        module.exports.set("default", {
          kind: "expr",
          value: { expr: declaration, scope: ctx.scope },
        });
      }
      return;
    }
    case "VariableDeclarator": {
      declare(node, ctx);
      return;
    }
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression": {
      enterFunction(node, ctx);
      return;
    }
    case "ReturnStatement": {
      const argument = child(node, "argument");
      if (ctx.fn && argument) ctx.fn.returns ??= { expr: argument, scope: ctx.scope };
      if (argument) visit(argument, ctx);
      return;
    }
    case "AssignmentExpression": {
      commonJsExport(node, ctx);
      break;
    }
    case "CallExpression": {
      scanCall(node, ctx.scope);
      break;
    }
    case "BlockStatement": {
      const inner: Context = { scope: new Scope(module, ctx.scope), fn: ctx.fn };
      for (const statement of childNodes(node)) hoist(statement, inner);
      for (const statement of childNodes(node)) visit(statement, inner);
      return;
    }
  }
  for (const c of childNodes(node)) visit(c, ctx);
}

function declare(node: AstNode, ctx: Context): void {
  const id = child(node, "id");
  const init = child(node, "init");
  const name = identifierName(id);
  const module = ctx.scope.module;
  if (name && init) {
    const creation = routerCreation(init, ctx.scope);
    if (creation) {
      const line = module.parsed.lineOf(node.start);
      ctx.scope.vars.set(name, {
        kind: "router",
        node: newRouterNode(module, line, creation),
      });
    } else if (isFunction(unwrap(init))) {
      ctx.scope.vars.set(name, {
        kind: "function",
        fn: functionInfo(unwrap(init) as AstNode, ctx),
      });
    } else {
      ctx.scope.vars.set(name, { kind: "value", value: { expr: init, scope: ctx.scope } });
    }
  } else if (id?.type === "ObjectPattern") {
    // const { Router } = require("express")
    const source = requireSource(init);
    for (const prop of children(id, "properties")) {
      const local = identifierName(child(prop, "value"));
      const key = propertyKey(prop);
      if (!local) continue;
      ctx.scope.vars.set(
        local,
        source && key ? { kind: "import", source, name: key } : { kind: "opaque" },
      );
    }
  } else if (name) {
    ctx.scope.vars.set(name, { kind: "opaque" });
  }
  if (init) visit(init, ctx);
}

function enterFunction(node: AstNode, ctx: Context): void {
  const fn = functionInfo(node, ctx);
  const scope = new Scope(ctx.scope.module, ctx.scope);
  const name = identifierName(child(node, "id"));
  if (name && node.type !== "FunctionDeclaration") scope.vars.set(name, { kind: "function", fn });
  children(node, "params").forEach((param, index) => {
    const target = param.type === "AssignmentPattern" ? child(param, "left") : param;
    const paramName = identifierName(target);
    if (!paramName) return;
    scope.vars.set(paramName, index === 0 ? { kind: "param", fn } : { kind: "opaque" });
  });
  const body = child(node, "body");
  if (!body) return;
  const inner: Context = { scope, fn };
  if (body.type === "BlockStatement") {
    for (const statement of children(body, "body")) hoist(statement, inner);
    for (const statement of children(body, "body")) visit(statement, inner);
  } else {
    fn.returns ??= { expr: body, scope };
    visit(body, inner);
  }
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`. */
function commonJsExport(node: AstNode, ctx: Context): void {
  const left = unwrap(child(node, "left"));
  const right = child(node, "right");
  if (left?.type !== "MemberExpression" || !right || ctx.scope.parent) return;
  const text = ctx.scope.module.parsed.source.slice(left.start, left.end).replace(/\s+/g, "");
  const value = { kind: "expr" as const, value: { expr: right, scope: ctx.scope } };
  if (text === "module.exports") ctx.scope.module.exports.set("default", value);
  const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(text);
  if (named) ctx.scope.module.exports.set(named[1], value);
}

function declaredNames(declaration: AstNode): string[] {
  if (declaration.type === "VariableDeclaration") {
    return children(declaration, "declarations")
      .map((d) => identifierName(child(d, "id")))
      .filter((n): n is string => Boolean(n));
  }
  const name = identifierName(child(declaration, "id"));
  return name ? [name] : [];
}
