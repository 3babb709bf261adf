import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { UserError } from "../../shared/index.js";

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "coverage", ".git"]);
const MAX_FILES = 20_000;

export interface SourceFile {
  path: string;
  /** Relative to the folder given (or the file name), for messages. */
  displayPath: string;
  text: string;
}

/** The JavaScript/TypeScript sources under a folder (or one file), declaration files and tests left out. */
export async function readRouteSources(input: string, signal?: AbortSignal): Promise<SourceFile[]> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      error.code === "ENOENT" ? `${input}: no such file or folder` : `${input}: ${error.message}`,
      { hint: "give the folder that holds your route files, e.g. src/routes/", cause: error },
    );
  });
  const root = info.isDirectory() ? input : undefined;
  const paths = root ? await listSources(root, signal) : [input];
  if (paths.length === 0) {
    throw new UserError(`${input}: no .ts or .js files found`, {
      hint: "give the folder that holds your Express, Fastify or Koa route files",
    });
  }
  return Promise.all(
    paths.map(async (path) => ({
      path,
      displayPath: root ? relative(root, path) : path,
      text: await readFile(path, "utf8").catch((error: Error) => {
        throw new UserError(`${path}: cannot read: ${error.message}`, { cause: error });
      }),
    })),
  );
}

async function listSources(root: string, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  const pending = [root];
  while (pending.length > 0 && out.length < MAX_FILES) {
    signal?.throwIfAborted();
    const dir = pending.pop() as string;
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: Error) => {
      throw new UserError(`${dir}: cannot read the folder: ${error.message}`, { cause: error });
    });
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) pending.push(path);
      } else if (
        SOURCE.test(entry.name) &&
        !/\.d\.[cm]?ts$/.test(entry.name) &&
        !/\.(test|spec)\.[cm]?[jt]sx?$/.test(entry.name)
      ) {
        out.push(path);
      }
    }
  }
  return out.sort();
}
