import { UserError } from "../shared/index.js";

/** Bounds on what one spec (all its files together) may cost to read. */
export interface SpecLimits {
  /** Largest single file, in bytes (default 32 MiB; GitHub's published spec is about 12 MB). */
  maxFileBytes: number;
  /** All files together, in bytes (default 64 MiB). */
  maxTotalBytes: number;
  /** Most files reached through `$ref`s (default 5,000). */
  maxFiles: number;
  /** Most values YAML aliases may copy, counted as if expanded (default 1,000,000). */
  maxAliasCount: number;
  /** Deepest nesting of objects and arrays, aliases expanded (default 256). */
  maxDepth: number;
  /** Most values in the parsed documents, aliases expanded (default 20 million). */
  maxNodes: number;
  /** Time budget for reading and checking, in milliseconds (default 30 s). */
  timeoutMs: number;
}

export const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: SpecLimits = {
  maxFileBytes: 32 * MIB,
  maxTotalBytes: 64 * MIB,
  maxFiles: 5000,
  maxAliasCount: 1_000_000,
  maxDepth: 256,
  maxNodes: 20_000_000,
  timeoutMs: 30_000,
};

/** `12 MiB` / `0.5 MiB`. */
export const mib = (bytes: number) =>
  `${bytes >= 10 * MIB ? Math.round(bytes / MIB) : Math.round((bytes / MIB) * 10) / 10} MiB`;

/** The time budget ran out while reading or checking `where`. */
export function timeUp(where: string, limits: SpecLimits): UserError {
  return new UserError(`${where}: reading took longer than ${limits.timeoutMs / 1000} s`, {
    hint: "the spec is larger than any real one, or the machine is very busy; check it is the right file",
  });
}
