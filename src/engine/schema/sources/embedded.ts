import { openAsBlob, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Extension, PGlite } from "@electric-sql/pglite";
import type { Db } from "../connection.js";
import { contribExtensions } from "./embedded-extensions.js";

/**
 * Embedded PostgreSQL (PGlite) behind the same `Db` interface as a server.
 * initdb is slow (seconds), so the first start dumps a fresh data directory to a cache tarball and every
 * later start loads it (a fraction of that); within one process the tarball stays in memory.
 */
export interface EmbeddedOptions {
  /** Extensions the SQL will CREATE (loaded into the instance; PGlite only knows those it was given). */
  extensions?: string[];
  /** Where the prepared data directory tarball is kept (default: ~/.cache/senior-backend). */
  cacheDir?: string;
}

/**
 * A scratch database that only holds a schema needs little memory: PostgreSQL's defaults reserve 128 MB of
 * shared buffers inside the WebAssembly heap up front, and 64 MB per maintenance operation.
 */
const SMALL_FOOTPRINT = [
  "shared_buffers=16MB",
  "work_mem=1MB",
  "maintenance_work_mem=8MB",
  "temp_buffers=1MB",
  "wal_buffers=256kB",
];

/** The prepared data directory per cache folder, kept for the life of the process. */
const prepared = new Map<string, Promise<Blob>>();

export async function openEmbedded(options: EmbeddedOptions = {}): Promise<Db> {
  const extensions = await contribExtensions(options.extensions ?? []);
  const dataDir = await preparedDataDir(options.cacheDir ?? defaultCacheDir());
  // The database files live in a scratch folder on disk, not in the process's memory.
  const scratch = await mkdtemp(join(tmpdir(), "senior-backend-pglite-"));
  try {
    const pglite = await PGlite.create({
      dataDir: scratch,
      loadDataDir: dataDir,
      relaxedDurability: true,
      extensions: extensions as Record<string, Extension>,
      startParams: [...PGlite.defaultStartParams, ...SMALL_FOOTPRINT.flatMap((c) => ["-c", c])],
    });
    const db = embeddedDb(pglite);
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

export function embeddedDb(pglite: PGlite): Db {
  return {
    kind: "pglite",
    label: "embedded PGlite",
    query: async (sql, params) => {
      const result = await pglite.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    close: () => pglite.close(),
  };
}

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "senior-backend");
}

function preparedDataDir(cacheDir: string): Promise<Blob> {
  let blob = prepared.get(cacheDir);
  if (!blob) {
    blob = loadOrCreate(cacheDir).catch((error: unknown) => {
      prepared.delete(cacheDir);
      throw error;
    });
    prepared.set(cacheDir, blob);
  }
  return blob;
}

async function loadOrCreate(cacheDir: string): Promise<Blob> {
  const file = join(cacheDir, `pglite-${pgliteVersion()}-datadir.tar`);
  // A Blob backed by the file: the 40 MB tarball is streamed into the scratch folder, never held in memory.
  // (openAsBlob throws at once, not through its promise, when the file is missing.)
  const cached = await Promise.resolve()
    .then(() => openAsBlob(file))
    .catch(() => undefined);
  if (cached) return cached;
  const fresh = await PGlite.create();
  const blob = await fresh.dumpDataDir("none");
  await fresh.close();
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, new Uint8Array(await blob.arrayBuffer()));
    await rename(tmp, file);
    return await openAsBlob(file);
  } catch {
    // A read-only cache directory only costs speed (and memory: the tarball stays in memory).
    return blob;
  }
}

/** The installed PGlite's version: a data directory from another version is not reused. */
function pgliteVersion(): string {
  try {
    const entry = fileURLToPath(import.meta.resolve("@electric-sql/pglite"));
    const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
