import { compareNames } from "../../openapi/index.js";
import type { RouteGroup } from "../emit-plan.js";

/** Koa `context.ts`: state shape, what handlers get besides their input, and how results are sent. */
export const koaContextSource = `import type { RouterContext } from "@koa/router";
import { type HandlerResult, successBody } from "./envelope.js";

/** \`ctx.state\` in this app: the request id, and the validated input once a route checked it. */
export interface AppState {
  requestId: string;
  input?: unknown;
  principal?: unknown;
}

export type AppContext = RouterContext<AppState>;

/** What every handler gets besides its input: the request id, the caller, the raw Koa context. */
export interface HandlerContext {
  requestId: string;
  /** Who auth.ts said is calling (operations the spec secures); undefined elsewhere. */
  principal: unknown;
  ctx: AppContext;
}

/** Send a handler's result: its status and \`data\` in the success envelope (no body without data). */
export function send(ctx: AppContext, result: HandlerResult): void {
  ctx.status = result.status;
  if (result.data !== undefined) ctx.body = successBody(result.data, ctx.state.requestId);
}
`;

/** Koa `app.ts`: error envelopes, request ids, security headers, body limits, the routes. */
export function koaAppSource(groups: RouteGroup[], basePath: string): string {
  const imports = [...groups]
    .sort((a, b) => compareNames(a.file, b.file))
    .map((g) => `import { ${g.exportName} } from "./${g.file.replace(/\.ts$/, ".js")}";`);
  // Under a base path the route modules are nested in one prefixed router made per app.
  const uses = basePath
    ? [
        "  const api = new Router<AppState>({ prefix: BASE_PATH });",
        ...groups.map((g) => `  api.use(${g.exportName}.routes());`),
        "  app.use(api.routes());",
      ]
    : groups.map((g) => `  app.use(${g.exportName}.routes());`);
  return `import { bodyParser } from "@koa/bodyparser";
${basePath ? 'import { Router } from "@koa/router";\n' : ""}import Koa from "koa";
import helmet from "koa-helmet";
import type { AppState } from "./context.js";
import { ApiError, BODY_LIMIT_BYTES, errorBody, requestIdFrom, toApiError } from "./envelope.js";
import { ${basePath ? "BASE_PATH, " : ""}noRoute } from "./route-table.js";
${imports.join("\n")}

/** The Koa app: every route of the spec behind security headers, request ids and body limits. */
export function createApp(): Koa<AppState> {
  const app = new Koa<AppState>();
  // Outermost: request ids, and errors (and unknown routes) answered in the envelope.
  app.use(async (ctx, next) => {
    ctx.state.requestId = requestIdFrom(ctx.get("x-request-id") || undefined);
    ctx.set("X-Request-Id", ctx.state.requestId);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        const { error, allow } = noRoute(ctx.method, ctx.path);
        if (allow) ctx.set("Allow", allow);
        throw error;
      }
    } catch (error) {
      const apiError = toApiError(error);
      // Stack traces go to Koa's error log (stderr), never to the client.
      if (!(error instanceof ApiError) && apiError.status >= 500) ctx.app.emit("error", error, ctx);
      ctx.status = apiError.status;
      ctx.body = errorBody(apiError, ctx.state.requestId);
    }
  });
  app.use(helmet());
  app.use(
    bodyParser({
      enableTypes: ["json", "form"],
      // The spec may give any method a body (DELETE, even GET); parse it wherever one is sent.
      parsedMethods: ["POST", "PUT", "PATCH", "DELETE", "GET", "OPTIONS"],
      jsonLimit: BODY_LIMIT_BYTES,
      formLimit: BODY_LIMIT_BYTES,
    }),
  );

${uses.join("\n")}
  return app;
}

/** Start the app on \`host:port\`; rejects when it cannot listen (e.g. the port is taken). */
export function listen(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    createApp()
      .listen(port, host, () => resolve())
      .once("error", reject);
  });
}
`;
}
