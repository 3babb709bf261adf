import { child, children, identifierName, memberParts, stringValue, unwrap } from "./ast.js";
import { type RouteSchema, routeSchema } from "./declared-schemas.js";
import type {
  Binding,
  DeclaredRoute,
  HttpMethod,
  Lazy,
  RouteFramework,
  RouterNode,
} from "./model.js";
import type { Project } from "./project.js";

/** A route with its full path, as a client calls it. */
export type { RouteSchema };

export interface Endpoint {
  method: HttpMethod;
  /** Path as the framework writes it, prefixes included: `/v1/users/:id`. */
  path: string;
  operationId?: string;
  framework?: RouteFramework;
  file: string;
  line: number;
  /** The schemas the code declares: Fastify `schema`, or a validator's schema object. */
  schema?: RouteSchema;
}

const MAX_NESTING = 32;

/** Walk from every router nobody mounts, joining prefixes down the mount tree. */
export function collectEndpoints(project: Project): Endpoint[] {
  const nodes = [...project.modules.values()].flatMap((m) => m.nodes);
  const mounted = new Set<RouterNode>();
  for (const node of nodes) {
    for (const mount of node.mounts) {
      for (const target of resolveTarget(project, mount.target, 0)) mounted.add(target);
    }
  }
  const endpoints: Endpoint[] = [];
  const walk = (
    node: RouterNode,
    prefix: string,
    stack: RouterNode[],
    framework?: RouteFramework,
  ) => {
    if (stack.includes(node) || stack.length > MAX_NESTING) return;
    const base = joinPath(prefix, node.prefix);
    const fw = node.framework ?? framework;
    for (const route of node.routes) {
      endpoints.push(endpointOf(project, route, joinPath(base, route.path), node, fw));
    }
    for (const mount of node.mounts) {
      for (const target of resolveTarget(project, mount.target, 0)) {
        walk(target, joinPath(base, mount.prefix), [...stack, node], fw);
      }
    }
  };
  for (const node of nodes) {
    if (!mounted.has(node) && (node.routes.length > 0 || node.mounts.length > 0))
      walk(node, "", []);
  }
  return dedupe(endpoints);
}

function endpointOf(
  project: Project,
  route: DeclaredRoute,
  path: string,
  node: RouterNode,
  framework: RouteFramework | undefined,
): Endpoint {
  return {
    method: route.method,
    path,
    operationId: route.operationId,
    framework: route.framework ?? framework,
    file: node.file,
    line: route.line,
    schema: routeSchema(project, route),
  };
}

/** The routers a mount argument stands for. */
function resolveTarget(project: Project, lazy: Lazy, depth: number): RouterNode[] {
  if (depth > MAX_NESTING) return [];
  const n = unwrap(lazy.expr);
  if (!n) return [];
  const again = (expr: typeof n, scope = lazy.scope) =>
    resolveTarget(project, { expr, scope }, depth + 1);
  if (n.type === "Identifier") {
    const resolved = project.resolveName(n.name as string, lazy.scope);
    const binding = resolved?.binding;
    if (!binding) return [];
    if (binding.kind === "router") return [binding.node];
    if (binding.kind === "function" || binding.kind === "param") {
      return binding.fn.instance ? [binding.fn.instance] : [];
    }
    if (binding.kind === "value") return again(binding.value.expr, binding.value.scope);
    return [];
  }
  if (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression") {
    const fn = lazy.scope.module.functions.get(n);
    return fn?.instance ? [fn.instance] : [];
  }
  if (n.type === "ImportExpression") {
    const source = stringValue(child(n, "source"));
    const module = source ? project.moduleFor(lazy.scope.module, source) : undefined;
    const resolved = module ? project.resolveExport(module, "default") : undefined;
    return resolved ? bindingTargets(project, resolved.binding, depth) : [];
  }
  if (n.type === "ArrayExpression") return children(n, "elements").flatMap((e) => again(e));
  if (n.type !== "CallExpression") return [];
  const callee = unwrap(child(n, "callee"));
  const args = children(n, "arguments");
  const member = memberParts(callee);
  if (member && (member.property === "routes" || member.property === "middleware")) {
    return again(member.object);
  }
  if (member) return [];
  const name = identifierName(callee);
  if (name === "require") {
    const source = stringValue(args[0]);
    const module = source ? project.moduleFor(lazy.scope.module, source) : undefined;
    const resolved = module ? project.resolveExport(module, "default") : undefined;
    return resolved ? bindingTargets(project, resolved.binding, depth) : [];
  }
  const resolved = name ? project.resolveName(name, lazy.scope) : undefined;
  if (resolved?.binding.kind === "function" && resolved.binding.fn.returns) {
    const { returns } = resolved.binding.fn;
    return resolveTarget(project, returns, depth + 1);
  }
  // A wrapper such as fastify-plugin's fp(plugin, options): look at what it wraps.
  return args[0] ? again(args[0]) : [];
}

function bindingTargets(project: Project, binding: Binding, depth: number): RouterNode[] {
  if (binding.kind === "router") return [binding.node];
  if (binding.kind === "function") return binding.fn.instance ? [binding.fn.instance] : [];
  if (binding.kind === "value") return resolveTarget(project, binding.value, depth + 1);
  return [];
}

export function joinPath(a: string, b: string): string {
  const joined = `/${a}/${b}`.replace(/\/{2,}/g, "/");
  return joined.length > 1 && joined.endsWith("/") ? joined.slice(0, -1) : joined;
}

function dedupe(endpoints: Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((e) => {
    const key = `${e.method} ${e.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
