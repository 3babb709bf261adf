/**
 * Run by `npm run build` after the compiler: lays out every help text with the real program (stdout
 * a pipe, so 80 columns) and stores them with the build's fingerprint (see help-cache.ts).
 */
import { execFile } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  buildFingerprint,
  HELP_CACHE_ENV,
  HELP_CACHE_FILE,
  HELP_KEYS,
  type HelpCache,
} from "./help-cache.js";

const cliDir = dirname(fileURLToPath(import.meta.url));
const distDir = dirname(cliDir);
const run = promisify(execFile);

const texts: Record<string, string> = {};
await Promise.all(
  HELP_KEYS.map(async (key) => {
    const args = key ? [key, "--help"] : ["--help"];
    const { stdout } = await run(process.execPath, [join(cliDir, "main.js"), ...args], {
      env: { ...process.env, [HELP_CACHE_ENV]: "off" },
      timeout: 60_000,
    });
    texts[key] = stdout;
  }),
);
const cache: HelpCache = { fingerprint: buildFingerprint(distDir), texts };
const path = join(cliDir, HELP_CACHE_FILE);
writeFileSync(`${path}.tmp`, `${JSON.stringify(cache)}\n`);
renameSync(`${path}.tmp`, path);
