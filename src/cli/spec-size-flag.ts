import { InvalidArgumentError, Option } from "commander";
import { DEFAULT_LIMITS, type SpecLimits } from "../engine/openapi/index.js";

const MIB = 1024 * 1024;

/** `--max-spec-size <MiB>`: the largest OpenAPI file scaffold and audit read (default 32 MiB). */
export function specSizeOption(): Option {
  return new Option(
    "--max-spec-size <MiB>",
    `largest spec file read, in MiB (default ${DEFAULT_LIMITS.maxFileBytes / MIB}; all $ref'd files together may take twice that)`,
  ).argParser((value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError("expected a size in MiB, e.g. 64");
    return n;
  });
}

/** The reading limits a `--max-spec-size` value asks for (none when it was not given). */
export function specLimitsFor(maxSpecSize: unknown): Partial<SpecLimits> | undefined {
  if (typeof maxSpecSize !== "number") return undefined;
  const maxFileBytes = Math.round(maxSpecSize * MIB);
  return {
    maxFileBytes,
    maxTotalBytes: Math.max(2 * maxFileBytes, Math.min(DEFAULT_LIMITS.maxTotalBytes, maxFileBytes)),
  };
}
