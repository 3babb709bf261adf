import { lstatSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "../shared/index.js";

/** The real location of `path`: symlinks resolved in the part that exists, the rest appended. */
function realLocation(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      rest.unshift(existing.slice(parent.length + 1));
      existing = parent;
    }
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    // A symlink that points nowhere: where it would lead cannot be known, so it leads outside.
    return "\0dangling";
  }
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
};

/**
 * Refuse, before anything is written, when a file scaffold would write (or a folder on its way)
 * is a symlink that leads outside the output folder: generated files stay inside `--output`.
 */
export function assertWritesStayInside(outputDir: string, paths: string[]): void {
  const root = realLocation(outputDir);
  for (const path of paths) {
    const target = join(outputDir, path);
    if (inside(root, realLocation(target))) continue;
    throw new UserError(
      `${path} in ${outputDir} is (or lies under) a symlink that leads outside the output folder; scaffold does not write through it`,
      { hint: "remove the symlink or choose another --output" },
    );
  }
}

/** Refuse output past `maxBytes` before writing anything (a spec that expands into gigabytes). */
export function assertOutputSize(total: number, maxBytes: number): void {
  if (total <= maxBytes) return;
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  throw new UserError(
    `the generated files would take ${mib(total)}, over the ${mib(maxBytes)} limit for this spec`,
    {
      hint: "a spec this small should not expand this much (repeated YAML anchors? huge examples?); raise the limit only if the spec is right",
    },
  );
}
