import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
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

/** The prepared data directory per cache folder, kept for the life of the process. */
const prepared = new Map<string, Promise<Blob>>();

export async function openEmbedded(options: EmbeddedOptions = {}): Promise<Db> {
  const extensions = await contribExtensions(options.extensions ?? []);
  const dataDir = await preparedDataDir(options.cacheDir ?? defaultCacheDir());
  const pglite = await PGlite.create({
    loadDataDir: dataDir,
    relaxedDurability: true,
    extensions: extensions as Record<string, Extension>,
  });
  return embeddedDb(pglite);
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
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // No cache yet (or unreadable): initdb once and keep the result.
  }
  const fresh = await PGlite.create();
  const blob = await fresh.dumpDataDir("none");
  await fresh.close();
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, new Uint8Array(await blob.arrayBuffer()));
    await rename(tmp, file);
  } catch {
    // A read-only cache directory only costs speed.
  }
  return blob;
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
