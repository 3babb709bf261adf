import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { UserError } from "../../shared/user-error.js";
import type { Db } from "../connection.js";
import { parseMigrationFile } from "../migration-file.js";
import { openEmbedded } from "./embedded.js";
import { extensionsIn } from "./embedded-extensions.js";
import { createRolesSql, rolesNamedIn, withoutMetaCommands } from "./psql-script.js";

interface SqlScript {
  file: string;
  /** Line in the file where `sql` starts (1-based). */
  firstLine: number;
  sql: string;
}

/** Load a .sql file, or a folder of migration files (sorted by name, up parts only), into an embedded PGlite. */
export async function loadSqlSource(path: string, isFolder: boolean): Promise<Db> {
  const scripts = isFolder ? await folderScripts(path) : [await fileScript(path)];
  const db = await openEmbedded({ extensions: extensionsIn(scripts.map((s) => s.sql).join("\n")) });
  try {
    const roles = rolesNamedIn(scripts.map((s) => s.sql).join("\n"));
    if (roles.length > 0) await db.exec(createRolesSql(roles));
    for (const script of scripts) await runScript(db, script);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

async function fileScript(file: string): Promise<SqlScript> {
  return { file, firstLine: 1, sql: await readFile(file, "utf8") };
}

async function folderScripts(folder: string): Promise<SqlScript[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith(".sql")).sort();
  if (names.length === 0) {
    throw new UserError(`${folder}: no .sql files in this folder`);
  }
  const scripts: SqlScript[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const text = await readFile(file, "utf8");
    const parsed = parseMigrationFile(text);
    for (const section of parsed.sections) {
      if (section.direction !== "up") continue;
      const at = text.indexOf(section.sql);
      const firstLine = at < 0 ? 1 : text.slice(0, at).split("\n").length;
      // The scratch database has no other sessions: building an index concurrently gains nothing there,
      // and a multi-statement script always runs as one implicit transaction block.
      const sql = section.transactional
        ? section.sql
        : section.sql.replace(/\b(INDEX|REFRESH\s+MATERIALIZED\s+VIEW)\s+CONCURRENTLY\b/gi, "$1");
      scripts.push({ file, firstLine, sql });
    }
  }
  return scripts;
}

async function runScript(db: Db, script: SqlScript): Promise<void> {
  try {
    await db.exec(withoutMetaCommands(script.sql));
  } catch (error) {
    const e = error as { message?: string; position?: string | number };
    const position = Number(e.position);
    const line =
      Number.isFinite(position) && position > 0
        ? script.firstLine + script.sql.slice(0, position - 1).split("\n").length - 1
        : undefined;
    const where = line === undefined ? basename(script.file) : `${basename(script.file)}:${line}`;
    throw new UserError(`${where}: ${(e.message ?? String(error)).split("\n")[0]}`, {
      hint: "fix that statement; the SQL is loaded into an embedded PostgreSQL (PGlite) to read its schema",
      cause: error,
    });
  }
}
