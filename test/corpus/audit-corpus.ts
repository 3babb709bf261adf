/**
 * `npm run corpus:audit -- DIR`: read every OpenAPI/Swagger document under DIR the way `audit --spec`
 * does (no request is sent), and print a table: operations, spec paths the origin guard refuses,
 * response schemas, and those ajv cannot compile (their bodies would go unchecked). Specs that fail
 * to load are listed with their one-line error. Third-party specs stay outside the repo.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ResponseValidator } from "../../src/engine/audit/checks/response-schema.js";
import { operationsFromSpec } from "../../src/engine/audit/index.js";
import { specPathProblem } from "../../src/engine/audit/target-origin.js";

const dir = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!dir) {
  process.stderr.write(
    "error: corpus:audit needs a folder of OpenAPI documents\nhint: npm run corpus:audit -- ../shared/corpora/openapi\n",
  );
  process.exit(2);
}
const root = resolve(dir);

function findSpecs(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...findSpecs(full));
    else if (/\.(ya?ml|json)$/i.test(entry.name) && statSync(full).size < 20 * 1024 * 1024) {
      const head = readFileSync(full, "utf8").slice(0, 4000);
      if (/^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)) out.push(full);
    }
  }
  return out;
}

interface Row {
  spec: string;
  ops: number;
  refused: string[];
  schemas: number;
  uncompiled: number;
  ms: number;
  error?: string;
}

const rows: Row[] = [];
for (const file of findSpecs(root)) {
  const started = performance.now();
  const row: Row = {
    spec: relative(root, file),
    ops: 0,
    refused: [],
    schemas: 0,
    uncompiled: 0,
    ms: 0,
  };
  try {
    const { operations } = await operationsFromSpec(file);
    row.ops = operations.length;
    row.refused = operations
      .filter((op) => specPathProblem(op.path))
      .map((op) => `${op.path} (${specPathProblem(op.path)})`);
    const validator = new ResponseValidator();
    for (const op of operations)
      for (const r of op.responses ?? []) {
        if (!r.schema) continue;
        row.schemas += 1;
        if (!validator.compiles(r.schema)) row.uncompiled += 1;
      }
  } catch (error) {
    row.error = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  }
  row.ms = Math.round(performance.now() - started);
  rows.push(row);
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
process.stdout.write(
  `${pad("spec", 60)} ${pad("ops", 5)} ${pad("refused", 8)} ${pad("schemas", 8)} ${pad("uncompiled", 10)} ms\n`,
);
for (const r of rows) {
  process.stdout.write(
    `${pad(r.spec.slice(-60), 60)} ${pad(r.ops, 5)} ${pad(r.refused.length, 8)} ${pad(r.schemas, 8)} ${pad(r.uncompiled, 10)} ${r.ms}${r.error ? `  load error: ${r.error.slice(0, 100)}` : ""}\n`,
  );
  for (const p of r.refused) process.stdout.write(`    refused: ${p}\n`);
}
const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
process.stdout.write(
  `\n${rows.length} specs (${rows.filter((r) => r.error).length} did not load), ${sum((r) => r.ops)} operations, ${sum((r) => r.refused.length)} paths refused, ${sum((r) => r.schemas)} response schemas, ${sum((r) => r.uncompiled)} not compilable\n`,
);
