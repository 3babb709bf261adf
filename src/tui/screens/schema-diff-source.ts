import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import {
  diffSchemas,
  openSource,
  planMigration,
  type RenameCandidate,
  type SchemaChange,
  type SchemaSource,
} from "../../engine/schema/index.js";
import { packageRoot } from "../../engine/shared/index.js";

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

/**
 * Open both sources (the bundled demo when neither is given), introspect them and diff them.
 * `onStep` names each step as it starts; an abort stops between steps and closes what was opened.
 */
export async function loadSchemaDiff(
  spec: { from?: string; to?: string; renames?: string[] },
  signal: AbortSignal,
  onStep: (step: string) => void,
): Promise<{ changes: SchemaChange[]; sides: DiffSides; renames: RenameCandidate[] }> {
  const demo = !spec.from && !spec.to;
  const paths = demo ? demoSchemaPaths() : { from: spec.from, to: spec.to };
  if (!paths.from || !paths.to) {
    throw new Error("the schema diff needs both sides: --from and --to");
  }
  const opened: SchemaSource[] = [];
  const step = (text: string) => {
    signal.throwIfAborted();
    onStep(text);
  };
  try {
    step(demo ? "starting embedded PostgreSQL with demo v1" : `opening ${paths.from}`);
    const from = await openSource(paths.from);
    opened.push(from);
    step(demo ? "loading demo v2" : `opening ${paths.to}`);
    const to = await openSource(paths.to);
    opened.push(to);
    step(`reading the schema of ${demo ? "demo v1" : from.label}`);
    const fromModel = await from.model();
    step(`reading the schema of ${demo ? "demo v2" : to.label}`);
    const toModel = await to.model();
    step("comparing");
    const diff = diffSchemas(fromModel, toModel, {
      allowDestructive: true,
      renames: spec.renames,
    });
    signal.throwIfAborted();
    return {
      changes: diff.changes,
      renames: diff.renameCandidates,
      sides: demo ? { from: "demo v1", to: "demo v2" } : { from: from.label, to: to.label },
    };
  } finally {
    await Promise.all(opened.map((s) => s.close().catch(() => {})));
  }
}

/**
 * Write the migration for `changes` into `dir` (default `migrations/`), never over an existing file;
 * resolves with the path written (relative to the working directory when inside it).
 * Destructive changes are written too: the browser has shown their hazards, and the file header says so.
 */
export async function writeSchemaMigration(
  changes: SchemaChange[],
  sides: DiffSides,
  dir = "migrations",
): Promise<string> {
  if (changes.length === 0) throw new Error("nothing to write: the two schemas are the same");
  const destructive = changes.filter((c) =>
    c.up.some((s) => s.hazards.some((h) => h.kind === "data-loss")),
  ).length;
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
  await writeFile(path, plan.text, { flag: "wx" });
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown;
}
