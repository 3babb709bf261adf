import { compareNames } from "../../openapi/index.js";
import type { RouteGroup } from "../emit-plan.js";

/** Express `context.ts`: what handlers get besides their input, and how results are sent. */
export const expressContextSource = `import type { Request, Response } from "express";
import { type HandlerResult, successBody } from "./envelope.js";

/** What every handler gets besides its input: the request id, the caller, the raw request and response. */
export interface HandlerContext {
  requestId: string;
  /** Who auth.ts said is calling (operations the spec secures); undefined elsewhere. */
  principal: unknown;
  req: Request;
  res: Response;
}

/** Send a handler's result: its status and \`data\` in the success envelope (no body without data). */
export function send(res: Response, result: HandlerResult): void {
  if (result.data === undefined) {
    res.status(result.status).end();
    return;
  }
  res.status(result.status).json(successBody(result.data, String(res.locals.requestId)));
}
`;

/** Express `app.ts`: security headers, request ids, body limits, the routes, 404 and error envelopes. */
export function expressAppSource(groups: RouteGroup[], basePath: string): string {
  const imports = [...groups]
    .sort((a, b) => compareNames(a.file, b.file))
    .map((g) => `import { ${g.exportName} } from "./${g.file.replace(/\.ts$/, ".js")}";`);
  const mount = basePath ? "BASE_PATH, " : "";
  const uses = groups.map((g) => `  app.use(${mount}${g.exportName});`);
  return `import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { ApiError, BODY_LIMIT_BYTES, errorBody, requestIdFrom, toApiError } from "./envelope.js";
import { ${basePath ? "BASE_PATH, " : ""}noRoute } from "./route-table.js";
${imports.join("\n")}

/** The Express app: every route of the spec behind security headers, request ids and body limits. */
export function createApp(): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(helmet());
  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    next();
  });
  app.use(express.json({ limit: BODY_LIMIT_BYTES }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES }));

${uses.join("\n")}

  app.use((req, res) => {
    const { error, allow } = noRoute(req.method, req.path);
    if (allow) res.setHeader("Allow", allow);
    res.status(error.status).json(errorBody(error, String(res.locals.requestId)));
  });
  // Errors answer in the envelope; stack traces go to the server's stderr, never to the client.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const apiError = toApiError(error);
    if (!(error instanceof ApiError) && apiError.status >= 500) {
      process.stderr.write(\`\${error instanceof Error ? error.stack : String(error)}\\n\`);
    }
    res.status(apiError.status).json(errorBody(apiError, String(res.locals.requestId)));
  });
  return app;
}

/** Start the app on \`host:port\`; rejects when it cannot listen (e.g. the port is taken). */
export function listen(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    createApp().listen(port, host, (error?: Error) => (error ? reject(error) : resolve()));
  });
}
`;
}
