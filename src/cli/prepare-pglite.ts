/**
 * Build step (`npm run build`): runs PGlite's initdb once into dist/pglite-<version>-datadir, so a built or
 * installed copy starts embedded PostgreSQL from that folder and never runs initdb, which needs over 600 MB of
 * memory, on a user's first `db` run (sources/embedded.ts). A later build keeps the folder it finds.
 */
import { buildDataDir, distDir } from "../engine/schema/index.js";

try {
  const { dir, made } = await buildDataDir(distDir());
  if (made) process.stderr.write(`prepared the embedded PostgreSQL data directory: ${dir}\n`);
} catch (error) {
  // Not fatal: the program falls back to running initdb on its first start.
  process.stderr.write(
    `warning: could not prepare the embedded PostgreSQL data directory (${error instanceof Error ? error.message : error}); the first db run with a .sql source will run initdb\n`,
  );
}
