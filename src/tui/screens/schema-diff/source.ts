import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import {
  compareSources,
  planMigration,
  type RenameCandidate,
  type SchemaChange,
  type SchemaModel,
} from "../../../engine/schema/index.js";
import { packageRoot, UserError } from "../../../engine/shared/index.js";

/** Labels of the two sides, safe to print (passwords already hidden). */
export interface DiffSides {
  from?: string;
  to?: string;
}

/** The bundled demo: two versions of a small shop schema, loaded into embedded PGlite. */
export function demoSchemaPaths(): { from: string; to: string } {
  return {
    from: resolve(packageRoot, "snapshots/demo/v1.sql"),
    to: resolve(packageRoot, "snapshots/demo/v2.sql"),
  };
}

export interface SchemaDiffSpec {
  from?: string;
  to?: string;
  renames?: string[];
  schemas?: string[];
  excludeSchemas?: string[];
}

/**
 * Open both sources (the bundled demo when neither is given), read both schemas and diff them.
 * `onStep` names each step as it starts; an abort stops between steps and closes what was opened.
 */
export async function loadSchemaDiff(
  spec: SchemaDiffSpec,
  signal: AbortSignal,
  onStep: (step: string) => void,
): Promise<{
  changes: SchemaChange[];
  sides: DiffSides;
  renames: RenameCandidate[];
  target: SchemaModel;
}> {
  const demo = !spec.from && !spec.to;
  const paths = demo ? demoSchemaPaths() : { from: spec.from, to: spec.to };
  if (!paths.from || !paths.to) {
    throw new UserError("the schema diff needs both sides", { hint: "give --from A --to B" });
  }
  const demoStep = (step: string) =>
    step
      .replace(`opening ${paths.from}`, "starting embedded PostgreSQL with demo v1")
      .replace(`opening ${paths.to}`, "loading demo v2")
      .replace(paths.from ?? "", "demo v1")
      .replace(paths.to ?? "", "demo v2");
  const result = await compareSources(paths.from, paths.to, {
    signal,
    onEvent: ({ step }) => onStep(demo ? demoStep(step) : step),
    allowDestructive: true,
    renames: spec.renames,
    filters: { include: spec.schemas, exclude: spec.excludeSchemas },
  });
  return {
    changes: result.diff.changes,
    renames: result.diff.renameCandidates,
    target: result.to.model,
    sides: demo
      ? { from: "demo v1", to: "demo v2" }
      : { from: result.from.label, to: result.to.label },
  };
}

/** Changes whose up statements lose data (dropped columns and tables, narrowed types). */
export function countDestructive(changes: SchemaChange[]): number {
  return changes.filter((c) => c.up.some((s) => s.hazards.some((h) => h.kind === "data-loss")))
    .length;
}

/**
 * Write the migration for `changes` into `dir` (default `migrations/`), never over an existing file;
 * resolves with the path written (relative to the working directory when inside it).
 * Destructive changes are written too once the user confirmed them (a second w); the file header says so.
 */
export async function writeSchemaMigration(
  changes: SchemaChange[],
  sides: DiffSides,
  dir = "migrations",
): Promise<string> {
  if (changes.length === 0) throw new UserError("nothing to write: the two schemas are the same");
  const destructive = countDestructive(changes);
  const plan = planMigration(changes, {
    headerLines: [
      `from: ${sides.from ?? "?"}`,
      `to: ${sides.to ?? "?"}`,
      ...(destructive > 0
        ? [
            `written from the schema-diff browser with ${destructive} destructive change(s): data is lost`,
          ]
        : []),
    ],
  });
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const path = join(folder, plan.fileName);
  const inCwd = relative(process.cwd(), path);
  const shown = inCwd.startsWith("..") ? path : inCwd;
  await writeFile(path, plan.text, { flag: "wx" }).catch((error: { code?: string }) => {
    throw error.code === "EEXIST"
      ? new UserError(`${shown} already exists; not overwritten`)
      : error;
  });
  return shown;
}
