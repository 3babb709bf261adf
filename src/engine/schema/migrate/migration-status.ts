import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../../shared/index.js";
import type { Db } from "../connection.js";
import { migrationIdentity } from "./migration-units.js";
import { allProgress } from "./progress-table.js";
import { listApplied } from "./tracking-table.js";

export type MigrationState =
  | "applied"
  | "pending"
  | "partially-applied"
  | "partially-rolled-back"
  | "drifted"
  | "missing-file";

export interface MigrationStatusEntry {
  name: string;
  /** The file in the folder (absent for "missing-file"). */
  file?: string;
  state: MigrationState;
  appliedAt?: string;
  /** What to do about it, for the states that need something. */
  note?: string;
}

export interface MigrationStatus {
  folder: string;
  migrations: MigrationStatusEntry[];
  counts: Record<MigrationState, number>;
}

/** The .sql files of a migrations folder, in name order (which is the order they are applied in). */
export async function migrationFiles(folder: string): Promise<string[]> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UserError(`${folder}: no such migrations folder`, {
      hint: "pass the folder db --compare --output wrote to, e.g. --migrate migrations/",
    });
  }
  return (await readdir(folder))
    .filter((n) => n.endsWith(".sql"))
    .sort()
    .map((n) => join(folder, n));
}

/** Compare a migrations folder with the database's tracking tables. */
export async function migrationStatus(db: Db, folder: string): Promise<MigrationStatus> {
  const files = await migrationFiles(folder);
  const applied = new Map((await listApplied(db)).map((a) => [a.name, a]));
  const progress = await allProgress(db);
  const entries: MigrationStatusEntry[] = [];
  const seen = new Set<string>();
  // Files that run out of order: pending, yet sorting before one already applied (branches merged late).
  const names = await Promise.all(files.map((f) => migrationIdentity(f)));
  const lastApplied = names.findLastIndex((m) => applied.has(m.name));
  for (const [i, file] of files.entries()) {
    const m = names[i] ?? (await migrationIdentity(file));
    seen.add(m.name);
    const row = applied.get(m.name);
    const moving = progress.get(m.name) ?? [];
    let state: MigrationState;
    let note: string | undefined;
    if (row && row.checksum !== m.checksum) {
      state = "drifted";
      note = "the file changed after it was applied; restore it and write a new migration instead";
    } else if (row && moving.includes("down")) {
      state = "partially-rolled-back";
      note = "a --down run stopped half-way; run it again to finish, or fix what failed first";
    } else if (!row && moving.includes("up")) {
      state = "partially-applied";
      note =
        "a run stopped half-way; run --migrate again to continue after the last completed step";
    } else state = row ? "applied" : "pending";
    if (state === "pending" && i < lastApplied)
      note = `out of order: sorts before ${names[lastApplied]?.name}, which is applied; --migrate runs it now, after it`;
    entries.push({ name: m.name, file, state, appliedAt: row?.appliedAt, note });
  }
  for (const [name, row] of applied) {
    if (seen.has(name)) continue;
    entries.push({
      name,
      state: "missing-file",
      appliedAt: row.appliedAt,
      note: "applied, but its file is not in this folder",
    });
  }
  const counts = {
    applied: 0,
    pending: 0,
    "partially-applied": 0,
    "partially-rolled-back": 0,
    drifted: 0,
    "missing-file": 0,
  } satisfies Record<MigrationState, number>;
  for (const e of entries) counts[e.state]++;
  return { folder, migrations: entries, counts };
}
