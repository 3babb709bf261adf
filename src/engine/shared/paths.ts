import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The installed package's root (holds profiles/, references/, snapshots/), from src/ or dist/. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(packageRoot, "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
