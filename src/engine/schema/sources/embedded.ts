import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Extension, PGlite } from "@electric-sql/pglite";
import type { Db } from "../connection.js";
import { contribExtensions } from "./embedded-extensions.js";

/**
 * Embedded PostgreSQL (PGlite) behind the same `Db` interface as a server.
 * initdb is slow (seconds) and needs over 600 MB of memory, so `npm run build` runs it once into
 * `dist/pglite-<version>-datadir` (prepare-pglite.ts) and every start copies that folder, file for file, into
 * its scratch folder and resumes from there. A copy without it (a build that skipped the step, another PGlite
 * version) keeps one made by initdb on its first start in a cache folder. (PGlite's own `loadDataDir` takes a
 * tarball, which it reads whole into memory and unpacks there: over 100 MB more.)
 */
export interface EmbeddedOptions {
  /** Extensions the SQL will CREATE (loaded into the instance; PGlite only knows those it was given). */
  extensions?: string[];
  /** Where the prepared data directory is kept (default: ~/.cache/senior-backend). */
  cacheDir?: string;
  /** Where the build put its data directory (default: this package's dist folder; false: not looked for). */
  buildDir?: string | false;
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
const prepared = new Map<string, Promise<string | undefined>>();

export async function openEmbedded(options: EmbeddedOptions = {}): Promise<Db> {
  const extensions = await contribExtensions(options.extensions ?? []);
  const built =
    options.buildDir === false ? undefined : await builtDataDir(options.buildDir ?? distDir());
  const pristine = built ?? (await preparedDataDir(options.cacheDir ?? defaultCacheDir()));
  // The database files live in a scratch folder on disk, not in the process's memory.
  const scratch = await mkdtemp(join(tmpdir(), "senior-backend-pglite-"));
  try {
    // Without a cache folder it can write to, initdb runs in the scratch folder itself (slower).
    if (pristine) await cp(pristine, scratch, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: scratch,
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

/** This package's dist folder (this file is in src/engine/schema/sources or dist/engine/schema/sources). */
export function distDir(): string {
  return fileURLToPath(new URL("../../../../dist", import.meta.url));
}

async function builtDataDir(buildDir: string): Promise<string | undefined> {
  const dir = join(buildDir, dataDirName());
  return (await isDataDir(dir)) ? dir : undefined;
}

/** The build step: the data directory in `buildDir` (initdb unless it is there); data directories of other versions are removed. */
export async function buildDataDir(buildDir: string): Promise<{ dir: string; made: boolean }> {
  const existing = await builtDataDir(buildDir);
  const stale = (await readdir(buildDir).catch(() => [] as string[])).filter(
    (f) => /^pglite-.*-datadir(\.tar)?$/.test(f) && f !== dataDirName(),
  );
  await Promise.all(stale.map((f) => rm(join(buildDir, f), { recursive: true, force: true })));
  if (existing) return { dir: existing, made: false };
  const dir = await pristineDataDir(buildDir);
  if (!dir) throw new Error(`cannot write a data directory in ${buildDir}`);
  return { dir, made: true };
}

function dataDirName(): string {
  return `pglite-${pgliteVersion()}-datadir`;
}

function preparedDataDir(cacheDir: string): Promise<string | undefined> {
  let dir = prepared.get(cacheDir);
  if (!dir) {
    dir = pristineDataDir(cacheDir).catch((error: unknown) => {
      prepared.delete(cacheDir);
      throw error;
    });
    prepared.set(cacheDir, dir);
  }
  return dir;
}

/** The cached data directory, made by initdb the first time (in a folder of its own, then renamed into place). */
async function pristineDataDir(cacheDir: string): Promise<string | undefined> {
  const dir = join(cacheDir, dataDirName());
  if (await isDataDir(dir)) return dir;
  const fresh = await mkdir(cacheDir, { recursive: true })
    .then(() => mkdtemp(join(cacheDir, ".pglite-initdb-")))
    .catch(() => undefined);
  if (!fresh) return undefined;
  try {
    const pglite = await PGlite.create({ dataDir: fresh });
    await pglite.close();
    // Another process may have put its copy in place meanwhile: then that one is used.
    await rename(fresh, dir).catch(async (error: unknown) => {
      if (!(await isDataDir(dir))) throw error;
      await rm(fresh, { recursive: true, force: true });
    });
    // The tarball earlier versions of this program cached in its place.
    await rm(`${dir}.tar`, { force: true });
    return dir;
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
}

async function isDataDir(dir: string): Promise<boolean> {
  return stat(join(dir, "PG_VERSION")).then(
    (info) => info.isFile(),
    () => false,
  );
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
