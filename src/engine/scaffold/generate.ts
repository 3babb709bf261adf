import { resolve } from "node:path";
import type { ApiModel } from "../openapi/index.js";
import { UserError } from "../shared/index.js";
import { planNames } from "./emit-plan.js";
import { emitHandler, emitRouteModule } from "./emit-routes.js";
import { emitSchemas } from "./emit-schemas.js";
import { emitTypes } from "./emit-types.js";
import {
  applyFile,
  assertNoForeignFiles,
  orphanedHandlers,
  ownershipHeader,
  type PlannedFile,
} from "./file-ownership.js";
import { MANIFEST_FILE, manifestSource, readManifest } from "./handler-manifest.js";
import { assertOutputSize, assertWritesStayInside } from "./output-guard.js";
import type {
  GeneratedFile,
  GenerateOptions,
  GenerateResult,
  HandlerSource,
} from "./scaffold-options.js";
import { envelopeSource } from "./templates/envelope.js";
import { expressAppSource, expressContextSource } from "./templates/express.js";
import {
  fastifyAppSource,
  fastifyContextSource,
  fastifyValidationSource,
} from "./templates/fastify.js";
import { koaAppSource, koaContextSource } from "./templates/koa.js";
import { packageJsonSource, tsconfigSource, wantsProjectFiles } from "./templates/project-files.js";
import { dependenciesFor, readmeSource } from "./templates/readme.js";
import { requestValidationSource } from "./templates/request-validation.js";
import { routeTableSource } from "./templates/route-table.js";
import { authSource, securitySource } from "./templates/security.js";
import { serverSource } from "./templates/server.js";

/** Every file of the generated app, with its owner and content (nothing touches the disk). */
export function planFiles(model: ApiModel, options: GenerateOptions): PlannedFile[] {
  const manifest = readManifest(resolve(options.outputDir));
  const plan = planNames(model, options.framework, manifest);
  const tool = ownershipHeader("tool", plan.sourceName);
  const files: PlannedFile[] = [];
  const add = (path: string, owner: PlannedFile["owner"], content: string) =>
    files.push({ path, owner, content, guarded: true });
  const fw = options.framework;
  const basePath = normalizeBasePath(options.basePath ?? model.basePath ?? "");
  add(
    "app.ts",
    "tool",
    tool +
      (fw === "express" ? expressAppSource : fw === "koa" ? koaAppSource : fastifyAppSource)(
        plan.groups,
        basePath,
      ),
  );
  add("route-table.ts", "tool", tool + routeTableSource(model.operations, basePath));
  add("envelope.ts", "tool", tool + envelopeSource);
  add(
    "context.ts",
    "tool",
    tool +
      (fw === "express"
        ? expressContextSource
        : fw === "koa"
          ? koaContextSource
          : fastifyContextSource),
  );
  add("types.ts", "tool", emitTypes(plan, tool));
  add("schemas.ts", "tool", emitSchemas(plan, tool));
  add("security.ts", "tool", tool + securitySource);
  add(
    "validation.ts",
    "tool",
    tool + (fw === "fastify" ? fastifyValidationSource : requestValidationSource(fw)),
  );
  for (const group of plan.groups) add(group.file, "tool", emitRouteModule(plan, group, tool));
  add("README.md", "tool", readmeSource(plan, options.extraDependencies));
  const manifestHeader = `${tool.slice(3).trim()} Records which handler file belongs to which operation.`;
  add(MANIFEST_FILE, "tool", manifestSource(manifestHeader, manifest, plan.operations));
  add("auth.ts", "user", ownershipHeader("user", plan.sourceName) + authSource);
  add("server.ts", "user", ownershipHeader("user", plan.sourceName) + serverSource);
  for (const names of plan.operations) {
    const supplied = options.handlerBodies?.(names.op);
    const source: HandlerSource | undefined =
      typeof supplied === "string" ? { body: supplied } : supplied;
    const what = `${names.handler} (${names.op.method.toUpperCase()} ${names.op.path})`;
    add(
      names.handlerFile,
      "user",
      emitHandler(names, ownershipHeader("user", plan.sourceName, what), source),
    );
  }
  if (wantsProjectFiles(options.init, resolve(options.outputDir))) {
    const note = `Created by senior-backend scaffold from ${plan.sourceName}. Yours: scaffold created it once and never overwrites it.`;
    const deps = dependenciesFor(fw, options.extraDependencies);
    add("package.json", "user", packageJsonSource(model.title, note, deps));
    add("tsconfig.json", "user", tsconfigSource);
  }
  for (const extra of options.extraFiles ?? []) files.push({ ...extra });
  return files;
}

/**
 * Generate (or, with `check`, compare) the app for `model` in `outputDir`: tool-owned files are
 * rewritten when they differ, user-owned files (handlers, server.ts) only created when missing.
 */
export async function generate(model: ApiModel, options: GenerateOptions): Promise<GenerateResult> {
  const outputDir = resolve(options.outputDir);
  const planned = planFiles(model, options);
  assertOutputSize(
    planned.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0),
    options.maxOutputBytes ?? defaultOutputLimit(model),
  );
  assertWritesStayInside(
    outputDir,
    planned.map((file) => file.path),
  );
  assertNoForeignFiles(outputDir, planned);
  const files: GeneratedFile[] = [];
  for (const [i, file] of planned.entries()) {
    options.signal?.throwIfAborted();
    files.push(applyFile(outputDir, file, options.check === true));
    options.onEvent?.({ type: "file", done: i + 1, total: planned.length, path: file.path });
    // Let an abort (Ctrl+C) in between files be noticed on very large specs.
    if (i % 200 === 199) await new Promise((r) => setImmediate(r));
  }
  const handlerPaths = new Set(
    planned.filter((f) => f.path.startsWith("handlers/")).map((f) => f.path),
  );
  return {
    framework: options.framework,
    outputDir,
    files,
    handlers: model.operations.length,
    orphanedHandlers: orphanedHandlers(outputDir, handlerPaths),
    outOfDate: files.some((f) => f.status === "written" || f.status === "created"),
    ...dependenciesFor(options.framework, options.extraDependencies),
  };
}

/** `/v1/` → `/v1`, `/` → `""`; anything that is not a plain URL path is refused. */
export function normalizeBasePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(trimmed) || trimmed.includes("//")) {
    throw new UserError(`base path "${path}" is not a URL path`, {
      hint: "use e.g. --base-path /v1, or --base-path / to mount at the root",
    });
  }
  return trimmed;
}

/**
 * What the generated files may take: 8 MiB, or 40 bytes per byte of spec for big specs (real
 * specs stay far below: GitHub's 12 MB spec generates about 30 MB), at most 1 GiB.
 */
function defaultOutputLimit(model: ApiModel): number {
  return Math.min(1024 * 1024 * 1024, Math.max(8 * 1024 * 1024, (model.sourceBytes ?? 0) * 40));
}
