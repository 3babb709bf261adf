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
import {
  type DeclaredRoute,
  isHttpMethod,
  newRouterNode,
  type RouterNode,
  type Scope,
} from "./model.js";

/**
 * Recognise one call: a route (`r.get("/x", h)`, `r.route("/x").get(h)`, Fastify `r.route({ … })`),
 * a mount (`app.use("/v1", router)`, `app.register(plugin, { prefix })`) or a Koa `router.prefix("/v1")`.
 */
export function scanCall(call: AstNode, scope: Scope): void {
  const member = memberParts(child(call, "callee"));
  if (!member) return;
  const args = children(call, "arguments");
  const line = scope.module.parsed.lineOf(call.start);
  // Koa's router spells DELETE as `del` too.
  const method = member.property === "del" ? "delete" : member.property;

  if (isHttpMethod(method)) {
    const chainPath = routeChainPath(member.object, scope);
    if (chainPath) {
      chainPath.node.routes.push(route(method, chainPath.path, args, line, scope, chainPath.node));
      return;
    }
    const path = pathArgument(args, scope);
    if (!path) return;
    const node = routerOf(member.object, scope, true);
    if (!node) return;
    const declared = route(method, path.path, args.slice(path.index + 1), line, scope, node);
    // Koa named routes: router.get("listItems", "/", …)
    if (path.index === 1) declared.operationId ??= stringValue(args[0]);
    node.routes.push(declared);
    return;
  }
  if (method === "all") {
    const path = pathArgument(args, scope);
    if (path && routerOf(member.object, scope, false)) {
      scope.module.warnings.push(
        `${scope.module.displayPath}:${line}: ${path.path} uses .all(); OpenAPI needs explicit methods, skipped`,
      );
    }
    return;
  }
  if (method === "route" && args.length === 1 && unwrap(args[0])?.type === "ObjectExpression") {
    fastifyRouteOptions(args[0], member.object, line, scope);
    return;
  }
  if (method === "use") {
    const node = routerOf(member.object, scope, false);
    if (!node) return;
    const prefix = constantString(args[0], scope);
    const targets = prefix === undefined ? args : args.slice(1);
    for (const target of targets) {
      node.mounts.push({ prefix: prefix ?? "", target: { expr: target, scope }, line });
    }
    return;
  }
  if (method === "register" && args[0]) {
    const node = routerOf(member.object, scope, true);
    if (!node) return;
    node.framework ??= "fastify";
    const prefix = constantString(objectProperty(args[1], "prefix"), scope) ?? "";
    node.mounts.push({ prefix, target: { expr: args[0], scope }, line });
    return;
  }
  if (method === "prefix" && args.length === 1) {
    const prefix = constantString(args[0], scope);
    const node = routerOf(member.object, scope, false);
    if (node && prefix !== undefined) node.prefix = prefix;
  }
}

/**
 * The operationId a comment right above a route names, as scaffolded route files write it:
 * `// listPets: GET /pets`.
 */
function commentedOperationId(scope: Scope, line: number): string | undefined {
  const text = scope.module.parsed.lineComments.get(line - 1);
  const match = text ? /^\s*([A-Za-z_$][\w$.-]*):\s*[A-Z]+\s+\//.exec(text) : null;
  return match?.[1];
}

function route(
  method: DeclaredRoute["method"],
  path: string,
  rest: AstNode[],
  line: number,
  scope: Scope,
  node: RouterNode,
): DeclaredRoute {
  const declared: DeclaredRoute = { method, path, line, framework: node.framework, middleware: [] };
  const last = rest.at(-1);
  const options = unwrap(last)?.type === "ObjectExpression" ? last : undefined;
  declared.operationId =
    handlerName(options ? objectProperty(options, "handler") : last) ??
    commentedOperationId(scope, line);
  for (const arg of options ? rest : rest.slice(0, -1)) {
    const schema = objectProperty(arg, "schema");
    if (schema) declared.schema = { expr: schema, scope };
    else declared.middleware.push({ expr: arg, scope });
  }
  return declared;
}

function fastifyRouteOptions(options: AstNode, object: AstNode, line: number, scope: Scope): void {
  const url = constantString(
    objectProperty(options, "url") ?? objectProperty(options, "path"),
    scope,
  );
  const methodNode = unwrap(objectProperty(options, "method"));
  if (!url || !methodNode) return;
  const node = routerOf(object, scope, true);
  if (!node) return;
  node.framework ??= "fastify";
  const methods =
    methodNode.type === "ArrayExpression"
      ? children(methodNode, "elements").map((e) => stringValue(e))
      : [stringValue(methodNode)];
  const schema = objectProperty(options, "schema");
  for (const m of methods) {
    const method = m?.toLowerCase();
    if (!method || !isHttpMethod(method)) continue;
    node.routes.push({
      method,
      path: url,
      line,
      framework: "fastify",
      operationId:
        handlerName(objectProperty(options, "handler")) ?? commentedOperationId(scope, line),
      schema: schema ? { expr: schema, scope } : undefined,
      middleware: [],
    });
  }
}

/** `(name?, path, …)`: Koa routes may be named; paths start with "/" (or are "*"). */
function pathArgument(args: AstNode[], scope: Scope): { path: string; index: number } | undefined {
  const first = constantString(args[0], scope);
  const second = constantString(args[1], scope);
  const isPath = (p: string | undefined) => p !== undefined && (p.startsWith("/") || p === "*");
  if (first !== undefined && isPath(second) && !isPath(first) && args.length >= 3) {
    return { path: second as string, index: 1 };
  }
  if (isPath(first) && args.length >= 2) return { path: first as string, index: 0 };
  return undefined;
}

/** Express `router.route("/x").get(h).post(h)`: the path of the chain this method call hangs on. */
function routeChainPath(
  object: AstNode,
  scope: Scope,
): { node: RouterNode; path: string } | undefined {
  let current = unwrap(object);
  while (current?.type === "CallExpression") {
    const m = memberParts(child(current, "callee"));
    if (!m) return undefined;
    if (m.property === "route") {
      const path = constantString(children(current, "arguments")[0], scope);
      const node = path ? routerOf(m.object, scope, true) : undefined;
      return node && path ? { node, path } : undefined;
    }
    if (!isHttpMethod(m.property) && m.property !== "all" && m.property !== "del") return undefined;
    current = unwrap(m.object);
  }
  return undefined;
}

/**
 * The router an expression stands for: a bound router, a plugin's instance parameter, or the
 * result of a chained route call (`router.get(…).post(…)`). With `implicit`, an unknown identifier
 * (an app from a factory we cannot see) becomes a router of its own.
 */
export function routerOf(expr: AstNode, scope: Scope, implicit: boolean): RouterNode | undefined {
  const n = unwrap(expr);
  if (n?.type === "CallExpression") {
    const m = memberParts(child(n, "callee"));
    const chained = ["use", "register", "del", "all", "prefix"];
    if (m && (isHttpMethod(m.property) || chained.includes(m.property))) {
      return routerOf(m.object, scope, false);
    }
    return undefined;
  }
  const name = identifierName(n);
  if (!name) return undefined;
  const found = scope.lookup(name);
  const binding = found?.binding;
  if (binding?.kind === "router") return binding.node;
  if (binding?.kind === "param") {
    binding.fn.instance ??= newRouterNode(
      scope.module,
      scope.module.parsed.lineOf(binding.fn.ast.start),
    );
    return binding.fn.instance;
  }
  const unknown = !binding || (binding.kind === "value" && isOpaqueCall(binding.value.expr));
  if (implicit && unknown) {
    const node = newRouterNode(scope.module, scope.module.parsed.lineOf(n?.start ?? 0));
    (found?.scope ?? scope.module.scope).vars.set(name, { kind: "router", node });
    return node;
  }
  return undefined;
}

function isOpaqueCall(expr: AstNode): boolean {
  const n = unwrap(expr);
  return n?.type === "CallExpression" || n?.type === "NewExpression";
}

function handlerName(handler: AstNode | undefined): string | undefined {
  const n = unwrap(handler);
  if (!n) return undefined;
  const name = identifierName(n) ?? memberParts(n)?.property;
  if (name) return name;
  if (n.type === "FunctionExpression") return identifierName(child(n, "id"));
  // asyncHandler(getUser), wrap(handlers.getUser)
  if (n.type === "CallExpression") return handlerName(children(n, "arguments")[0]);
  return undefined;
}

/**
 * A string written in place or through a constant of this file declared before the call:
 * `"/users"`, `` `/users` ``, `API_PREFIX` where `const API_PREFIX = "/api/v1"`, `` `${API_PREFIX}/users` ``.
 */
function constantString(node: AstNode | undefined, scope: Scope, depth = 0): string | undefined {
  const direct = stringValue(node);
  if (direct !== undefined || !node || depth > 8) return direct;
  const n = unwrap(node);
  if (n?.type === "Identifier") {
    const binding = scope.lookup(n.name as string)?.binding;
    return binding?.kind === "value"
      ? constantString(binding.value.expr, binding.value.scope, depth + 1)
      : undefined;
  }
  if (n?.type === "TemplateLiteral") {
    const quasis = children(n, "quasis").map((q) => (q.value as { cooked?: string }).cooked);
    const parts = children(n, "expressions").map((e) => constantString(e, scope, depth + 1));
    if (quasis.some((q) => q === undefined) || parts.some((p) => p === undefined)) return undefined;
    return quasis.map((q, i) => `${q}${parts[i] ?? ""}`).join("");
  }
  if (n?.type === "BinaryExpression" && n.operator === "+") {
    const left = constantString(child(n, "left"), scope, depth + 1);
    const right = constantString(child(n, "right"), scope, depth + 1);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  return undefined;
}
