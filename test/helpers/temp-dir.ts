import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made = new Set<string>();

/**
 * A fresh empty folder under the OS temp dir (`/tmp/sb-<name>-XXXXXX`). It lives until the end of
 * the test file: test/helpers/temp-dir-cleanup.ts (a vitest setup file) removes every folder made
 * here after the file's last test, pass or fail, so no test has to remember to.
 */
export function tempDir(name = "test"): string {
  const dir = mkdtempSync(join(tmpdir(), `sb-${name.replace(/^sb-/, "").replace(/-$/, "")}-`));
  made.add(dir);
  return dir;
}

/** Remove every folder tempDir() made so far (idempotent). */
export function removeTempDirs(): void {
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    made.delete(dir);
  }
}
