import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ApiOperation, isIdentifier } from "../openapi/index.js";

/** The tool-owned record, in the output folder, of which handler file belongs to which operation. */
export const MANIFEST_FILE = "scaffold-manifest.json";

export interface HandlerRecord {
  /** The handler function's name. */
  handler: string;
  /** `handlers/<group>/<handler>.ts` */
  file: string;
}

/** Operation key (`GET /pets/{petId}`) → its handler, for good. */
export type HandlerManifest = Map<string, HandlerRecord>;

export const operationKey = (op: Pick<ApiOperation, "method" | "path">) =>
  `${op.method.toUpperCase()} ${op.path}`;

const SAFE_FILE = /^handlers\/[A-Za-z0-9._-]+\/[A-Za-z_$][A-Za-z0-9_$]*\.ts$/;

/**
 * The manifest a previous run wrote, or an empty one. Records that are not a plain handler name and
 * file under `handlers/` are ignored (the file is the tool's, but it sits in the user's folder).
 */
export function readManifest(outputDir: string): HandlerManifest {
  const manifest: HandlerManifest = new Map();
  const file = join(outputDir, MANIFEST_FILE);
  if (!existsSync(file)) return manifest;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return manifest;
  }
  const handlers = (parsed as { handlers?: unknown })?.handlers;
  if (typeof handlers !== "object" || handlers === null) return manifest;
  for (const [key, value] of Object.entries(handlers)) {
    const record = value as Partial<HandlerRecord>;
    if (
      typeof record?.handler === "string" &&
      isIdentifier(record.handler) &&
      typeof record.file === "string" &&
      SAFE_FILE.test(record.file) &&
      !record.file.includes("..")
    ) {
      manifest.set(key, { handler: record.handler, file: record.file });
    }
  }
  return manifest;
}

/**
 * The manifest to write: this run's operations, plus the records of operations that left the spec
 * (so their handler names stay taken and come back if the operation does).
 */
export function manifestSource(
  header: string,
  previous: HandlerManifest,
  current: Array<{ op: ApiOperation; handler: string; handlerFile: string }>,
): string {
  const handlers: Record<string, HandlerRecord> = Object.fromEntries(previous);
  for (const names of current) {
    handlers[operationKey(names.op)] = { handler: names.handler, file: names.handlerFile };
  }
  const sorted = Object.fromEntries(Object.entries(handlers).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ "//": header, handlers: sorted }, null, 2)}\n`;
}
