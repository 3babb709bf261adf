import type { AstNode } from "./ast.js";
import type { ParsedModule } from "./parse-source.js";

export type RouteFramework = "express" | "fastify" | "koa";
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isHttpMethod(name: string): name is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(name);
}

/** An expression to evaluate later, once every module is scanned (it may name an import). */
export interface Lazy {
  expr: AstNode;
  scope: Scope;
}

/** What a name stands for in a scope. */
export type Binding =
  | { kind: "router"; node: RouterNode }
  | { kind: "function"; fn: FunctionInfo }
  | { kind: "param"; fn: FunctionInfo }
  | { kind: "import"; source: string; name: string }
  | { kind: "value"; value: Lazy }
  | { kind: "opaque" };

/** A function that may be a Fastify plugin (its first parameter is the instance) or a router factory. */
export interface FunctionInfo {
  ast: AstNode;
  module: ModuleScan;
  /** The router its first parameter stands for (created on first use). */
  instance?: RouterNode;
  /** What it returns, when it returns a name (a router factory). */
  returns?: Lazy;
}

/** A router, app or plugin instance: where routes are declared and other routers are mounted. */
export interface RouterNode {
  id: number;
  file: string;
  line: number;
  framework?: RouteFramework;
  /** Its own prefix: Koa `new Router({ prefix })` or `router.prefix(…)`. */
  prefix: string;
  routes: DeclaredRoute[];
  mounts: Mount[];
}

export interface DeclaredRoute {
  method: HttpMethod;
  path: string;
  line: number;
  framework?: RouteFramework;
  operationId?: string;
  /** Fastify route `schema` option. */
  schema?: Lazy;
  /** Middleware arguments before the handler: validators are recognised among them. */
  middleware: Lazy[];
}

export interface Mount {
  prefix: string;
  target: Lazy;
  line: number;
}

/** What an export name refers to, resolved once every module is scanned. */
export type ExportRef =
  | { kind: "name"; name: string }
  | { kind: "expr"; value: Lazy }
  | { kind: "binding"; binding: Binding }
  | { kind: "reexport"; source: string; name: string };

export class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(
    readonly module: ModuleScan,
    readonly parent?: Scope,
  ) {}

  lookup(name: string): { binding: Binding; scope: Scope } | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const binding = s.vars.get(name);
      if (binding) return { binding, scope: s };
    }
    return undefined;
  }
}

export interface ModuleScan {
  parsed: ParsedModule;
  /** Path shown to users (relative to the routes folder). */
  displayPath: string;
  scope: Scope;
  /** Exported name ("default" for the default export) → what it is. */
  exports: Map<string, ExportRef>;
  nodes: RouterNode[];
  functions: WeakMap<AstNode, FunctionInfo>;
  warnings: string[];
}

let nextNodeId = 1;

/** A new router node, registered with its module. */
export function newRouterNode(
  module: ModuleScan,
  line: number,
  init: Partial<RouterNode> = {},
): RouterNode {
  const node: RouterNode = {
    id: nextNodeId++,
    file: module.displayPath,
    line,
    prefix: "",
    routes: [],
    mounts: [],
    ...init,
  };
  module.nodes.push(node);
  return node;
}
