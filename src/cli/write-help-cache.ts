/**
 * Run by `npm run build` after the compiler: lays out every help text with the real program, as
 * `--help` prints it through a pipe, and stores them with the build's fingerprint (help-cache.ts).
 */
import { renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildFingerprint, HELP_CACHE_FILE, HELP_KEYS, type HelpCache } from "./help-cache.js";
import { layOutHelp } from "./program.js";

const cliDir = dirname(fileURLToPath(import.meta.url));
const cache: HelpCache = {
  fingerprint: buildFingerprint(dirname(cliDir)),
  texts: await layOutHelp(HELP_KEYS),
};
const path = join(cliDir, HELP_CACHE_FILE);
writeFileSync(`${path}.tmp`, `${JSON.stringify(cache)}\n`);
renameSync(`${path}.tmp`, path);
// program.ts keeps handles (signal handlers) that a one-off script need not wait for.
process.exit(0);
