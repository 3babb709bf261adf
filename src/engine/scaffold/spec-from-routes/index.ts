import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { stringify } from "yaml";
import type { ScaffoldEvent } from "../scaffold-options.js";
import { scanModule } from "./module-scan.js";
import {
  type OpenApiDocumentOptions,
  openApiFromEndpoints,
  openApiPath,
} from "./openapi-document.js";
import { parseSource } from "./parse-source.js";
import { Project } from "./project.js";
import { readRouteSources } from "./route-files.js";
import { collectEndpoints, type Endpoint } from "./route-graph.js";
import { liftRegistrySchemas } from "./schema-registry.js";

export type { Endpoint, RouteSchema } from "./route-graph.js";
export type { JsonValue } from "./static-value.js";
export { openApiPath };

export interface SpecFromRoutesOptions extends OpenApiDocumentOptions {
  /** A folder of route files, or one file. */
  input: string;
  signal?: AbortSignal;
  /** Sent after each file is parsed and scanned. */
  onEvent?: (event: ScaffoldEvent) => void;
}

export interface SpecFromRoutesResult {
  document: Record<string, unknown>;
  endpoints: Endpoint[];
  filesScanned: number;
  warnings: string[];
}

/**
 * Read Express, Fastify and Koa route files with a real parser (oxc) and describe what they serve
 * as an OpenAPI 3.1 document: paths with their prefixes, methods, path parameters, and the schemas
 * the code declares (Fastify route schemas, validator schema objects).
 */
export async function generateSpecFromRoutes(
  options: SpecFromRoutesOptions,
): Promise<SpecFromRoutesResult> {
  const sources = await readRouteSources(options.input, options.signal);
  const project = new Project();
  for (const [index, source] of sources.entries()) {
    options.signal?.throwIfAborted();
    const parsed = parseSource(resolve(source.path), source.text, source.displayPath);
    project.add(scanModule(parsed, source.displayPath));
    options.onEvent?.({
      type: "route-file",
      done: index + 1,
      total: sources.length,
      file: source.displayPath,
    });
  }
  const endpoints = collectEndpoints(project);
  const components = liftRegistrySchemas(project, endpoints);
  const warnings = [...project.modules.values()].flatMap((m) => m.warnings);
  return {
    document: openApiFromEndpoints(endpoints, options, components),
    endpoints,
    filesScanned: sources.length,
    warnings,
  };
}

/** Write the document as YAML (.yaml/.yml) or JSON (anything else). */
export async function writeSpecDocument(path: string, document: unknown): Promise<void> {
  const ext = extname(path).toLowerCase();
  const text =
    ext === ".yaml" || ext === ".yml"
      ? stringify(document, { lineWidth: 0 })
      : `${JSON.stringify(document, null, 2)}\n`;
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, text);
}
