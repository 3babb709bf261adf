import type { ApiModel, ApiOperation } from "../openapi/index.js";
import { compareNames } from "../openapi/index.js";
import {
  colonPath,
  type EmitPlan,
  fastifyPath,
  type OperationNames,
  type RouteGroup,
} from "./emit-plan.js";
import { parsedBodyTypes } from "./emit-schemas.js";
import { securityRequirements } from "./emit-security.js";
import type { HandlerSource } from "./scaffold-options.js";
import { handlerSignature, stubBody } from "./templates/handler-stub.js";
import { tsLiteral } from "./ts-literal.js";
import { docComment } from "./ts-types.js";

/** Biome/Prettier order: imports sorted by module specifier. */
function sortImports(lines: string[]): string[] {
  const from = (line: string) => /from "([^"]+)"/.exec(line)?.[1] ?? line;
  return [...new Set(lines)].sort((a, b) => {
    const [x, y] = [from(a), from(b)];
    const rank = (s: string) => (s.startsWith("node:") ? 0 : s.startsWith(".") ? 2 : 1);
    return rank(x) - rank(y) || compareNames(x, y);
  });
}

/** `import { a, b } from "m";` laid out on several lines when longer than 100 columns. */
export function importLine(names: string[], from: string, typeOnly = false): string {
  const sorted = [...new Set(names)].sort((a, b) =>
    compareNames(a.replace(/^type /, ""), b.replace(/^type /, "")),
  );
  const head = typeOnly ? "import type" : "import";
  const line = `${head} { ${sorted.join(", ")} } from "${from}";`;
  // Biome (like Prettier) keeps a single name on one line however long the line gets.
  if (line.length <= 100 || sorted.length === 1) return line;
  return `${head} {\n${sorted.map((n) => `  ${n},`).join("\n")}\n} from "${from}";`;
}

const comment = (op: ApiOperation, handler: string) =>
  `  // ${handler}: ${op.method.toUpperCase()} ${op.path}`;

function handlerImports(group: RouteGroup): string[] {
  return group.operations.map((o) =>
    importLine([o.handler], `../${o.handlerFile.replace(/\.ts$/, ".js")}`),
  );
}

/** `router.get("/path", validate(x), async (…) => {` — arguments on their own lines when too long. */
function registration(
  router: string,
  names: OperationNames,
  params: string,
  body: string[],
): string {
  const { op } = names;
  const route = colonPath(op.path, true).replace(/\\/g, "\\\\");
  // Quoted parameter names (`:"thing-id"`) go in single quotes, as Biome would write them.
  const path = route.includes('"') ? `'${route}'` : `"${route}"`;
  const validator = `validate(${names.requestSchema})`;
  const head = `${router}.${op.method}(${path}, ${validator}, async (${params}) => {`;
  if (head.length <= 100) return `${head}\n${body.map((l) => `  ${l}`).join("\n")}\n});`;
  const inner = body.map((l) => `    ${l}`).join("\n");
  return `${router}.${op.method}(\n  ${path},\n  ${validator},\n  async (${params}) => {\n${inner}\n  },\n);`;
}

function expressRoute(names: OperationNames, router: string): string {
  return `${comment(names.op, names.handler).slice(2)}\n${registration(router, names, "req, res", [
    `const input = res.locals.input as ${names.input};`,
    "const context = {",
    "  requestId: String(res.locals.requestId),",
    "  principal: res.locals.principal,",
    "  req,",
    "  res,",
    "};",
    `send(res, await ${names.handler}(input, context));`,
  ])}`;
}

function koaRoute(names: OperationNames, router: string): string {
  return `${comment(names.op, names.handler).slice(2)}\n${registration(router, names, "ctx", [
    `const input = ctx.state.input as ${names.input};`,
    "const context = { requestId: ctx.state.requestId, principal: ctx.state.principal, ctx };",
    `send(ctx, await ${names.handler}(input, context));`,
  ])}`;
}

/** GET and HEAD operations with a parsed body: Fastify refuses a body schema on those routes. */
const bodylessInFastify = (op: OperationNames["op"]) =>
  (op.method === "get" || op.method === "head") && parsedBodyTypes(op).length > 0;

function fastifyRoute(names: OperationNames, model: ApiModel): string {
  const { op } = names;
  const { url, renames } = fastifyPath(op.path);
  const hooks: string[] = [];
  if (securityRequirements(op, model)) hooks.push(`requireCredentials(${names.requestSchema})`);
  if (Object.keys(renames).length > 0) hooks.push(`renameParams(${tsLiteral(renames)})`);
  if (op.params.cookie.length > 0) hooks.push(`checkCookies(${names.requestSchema})`);
  if (op.requestBody?.required && parsedBodyTypes(op).length > 0) hooks.push("requireBody()");
  const bodyless = bodylessInFastify(op);
  const preValidation =
    hooks.length === 0
      ? ""
      : `    preValidation: ${hooks.length === 1 ? hooks[0] : `[${hooks.join(", ")}]`},\n`;
  // Fastify answers HEAD for every GET route itself; when the spec has its own HEAD, that one answers.
  const ownHead =
    op.method === "get" && model.operations.some((o) => o.method === "head" && o.path === op.path);
  return `${comment(op, names.handler)}
  app.route({
    method: "${op.method.toUpperCase()}",
    url: "${url}",${ownHead ? "\n    exposeHeadRoute: false," : ""}
    schema: routeSchema(${names.requestSchema}${bodyless ? ", { body: false }" : ""}),
${preValidation}    handler: async (request, reply) => {
      const input = requestInput(request) as ${names.input};
      const context = { requestId: request.id, principal: request.principal, request, reply };
      return send(reply, await ${names.handler}(input, context));
    },
  });`;
}

/** `routes/<group>.ts`: the group's operations on their exact spec paths, each validated first. */
export function emitRouteModule(plan: EmitPlan, group: RouteGroup, header: string): string {
  const ops = group.operations;
  const types = importLine(
    ops.map((o) => o.input),
    "../types.js",
    true,
  );
  const schemas = importLine(
    ops.map((o) => o.requestSchema),
    "../schemas.js",
  );
  const routerName = group.exportName;
  if (plan.framework === "fastify") {
    const needs = ["requestInput", "routeSchema"];
    if (ops.some((o) => o.op.params.cookie.length > 0)) needs.push("checkCookies");
    if (ops.some((o) => securityRequirements(o.op, plan.model))) needs.push("requireCredentials");
    if (ops.some((o) => Object.keys(fastifyPath(o.op.path).renames).length > 0)) {
      needs.push("renameParams");
    }
    if (ops.some((o) => o.op.requestBody?.required && parsedBodyTypes(o.op).length > 0)) {
      needs.push("requireBody");
    }
    const imports = sortImports([
      'import type { FastifyPluginAsync } from "fastify";',
      'import { send } from "../context.js";',
      ...handlerImports(group),
      schemas,
      types,
      importLine(needs, "../validation.js"),
    ]);
    return `${header}${imports.join("\n")}

/** ${group.name}: ${ops.length} operation(s), registered on the spec's exact paths. */
export const ${routerName}: FastifyPluginAsync = async (app) => {
${ops.map((o) => fastifyRoute(o, plan.model)).join("\n\n")}
};
`;
  }
  const express = plan.framework === "express";
  const imports = sortImports([
    express ? 'import express from "express";' : 'import { Router } from "@koa/router";',
    express
      ? 'import { send } from "../context.js";'
      : importLine(["type AppState", "send"], "../context.js"),
    ...handlerImports(group),
    schemas,
    types,
    'import { validate } from "../validation.js";',
  ]);
  const create = express
    ? `export const ${routerName} = express.Router();`
    : `export const ${routerName} = new Router<AppState>();`;
  const routes = ops.map((o) => (express ? expressRoute(o, routerName) : koaRoute(o, routerName)));
  return `${header}${imports.join("\n")}

/** ${group.name}: ${ops.length} operation(s), registered on the spec's exact paths. */
${create}

${routes.join("\n\n")}
`;
}

/** `handlers/<group>/<operationId>.ts`: created once; the user's from then on. */
export function emitHandler(names: OperationNames, header: string, source?: HandlerSource): string {
  const { op } = names;
  const body = source?.body ?? stubBody(names);
  const imports = sortImports([
    ...(source?.imports ?? []),
    ...(source ? [] : ['import { ApiError } from "../../envelope.js";']),
    'import type { HandlerContext } from "../../context.js";',
    importLine([names.input, names.result], "../../types.js", true),
  ]);
  const lines = [
    `${names.handler}: ${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary}` : ""}`,
  ];
  if (op.description) lines.push("", op.description);
  lines.push(
    "",
    "Return `{ status, data }` (data goes out in the success envelope); throw `ApiError` for errors.",
  );
  return `${header}${imports.join("\n")}

${docComment(lines.join("\n"), "")}${handlerSignature(names, source ? body : "")}
${body.replace(/\s+$/, "")}
}
`;
}
