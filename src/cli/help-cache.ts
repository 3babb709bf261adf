/**
 * `senior-backend [<command>] --help` without loading the commands: `npm run build` lays out every
 * help text once (write-help-cache.ts runs the real program for each) and stores it beside the
 * build with a fingerprint of the built files. The bin answers a plain help request from it only
 * while the fingerprint still matches (any changed built file changes it), so it is never stale;
 * otherwise, and for anything but a plain help request, the program runs as usual.
 * Only node: modules here: this runs before any dependency loads.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const HELP_CACHE_FILE = "help-cache.json";
/** Set to "off" to always lay help out live (the cache writer uses it). */
export const HELP_CACHE_ENV = "SENIOR_BACKEND_HELP_CACHE";
/** The help requests the cache answers, by key ("" is the program's own help). */
export const HELP_KEYS = ["", "grill", "decide", "load", "db", "scaffold", "audit"];

export interface HelpCache {
  fingerprint: string;
  texts: Record<string, string>;
}

/** The key of a plain help request (`--help`, `help`, `<command> --help`, `help <command>`), else undefined. */
export function helpKey(args: string[]): string | undefined {
  const [first, second, ...rest] = args;
  if (rest.length > 0) return undefined;
  const isFlag = (a: string | undefined) => a === "--help" || a === "-h";
  let key: string | undefined;
  if (second === undefined) key = isFlag(first) || first === "help" ? "" : undefined;
  else if (isFlag(second)) key = first;
  else if (first === "help") key = second;
  return key !== undefined && HELP_KEYS.includes(key) ? key : undefined;
}

/**
 * A hash of every built .js file under `distDir` (paths and contents). Contents, not times: an
 * installed package keeps its files but not their modification times.
 */
export function buildFingerprint(distDir: string): string {
  const hash = createHash("sha1");
  const walk = (dir: string, rel: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${rel}${entry.name}/`);
      else if (entry.name.endsWith(".js"))
        hash.update(`${rel}${entry.name}\0`).update(readFileSync(path));
    }
  };
  walk(distDir, "");
  return hash.digest("hex");
}

/** The cached text for this request, when the cache exists and matches the build; else undefined. */
export function cachedHelp(args: string[], distDir: string): string | undefined {
  if (process.env[HELP_CACHE_ENV] === "off") return undefined;
  // A terminal narrower than 80 columns gets its help laid out live, at its width.
  if (process.stdout.isTTY && (process.stdout.columns ?? 80) < 80) return undefined;
  const key = helpKey(args);
  if (key === undefined) return undefined;
  try {
    const cache = JSON.parse(
      readFileSync(join(distDir, "cli", HELP_CACHE_FILE), "utf8"),
    ) as HelpCache;
    if (cache.fingerprint !== buildFingerprint(distDir)) return undefined;
    return cache.texts[key];
  } catch {
    return undefined;
  }
}
