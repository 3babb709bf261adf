/**
 * Child process of the scaffold corpus run: load one spec and generate the app for each framework
 * asked, printing one JSON line with the outcome, the time per framework and the peak RSS.
 * Runs from the built `dist/` so the numbers are the CLI's.
 *
 *   node test/corpus/corpus-generate-child.ts <dist-root> <spec> <out-root> <frameworks,comma>
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [distRoot, spec, outRoot, frameworkList] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const openapi = await import(pathToFileURL(join(distRoot, "engine/openapi/index.js")).href);
const scaffold = await import(pathToFileURL(join(distRoot, "engine/scaffold/index.js")).href);

interface Outcome {
  framework: string;
  generated: boolean;
  ms: number;
  operations: number;
  files: number;
  error?: string;
}

const outcomes: Outcome[] = [];
const t0 = performance.now();
interface Op {
  method: string;
  path: string;
}
let loaded: { model: { operations: Op[]; basePath?: string }; warnings: string[] } | undefined;
let loadError: string | undefined;
try {
  loaded = await openapi.loadSpec(spec);
} catch (error) {
  loadError = oneLine(error);
}
const loadMs = performance.now() - t0;
for (const framework of frameworkList.split(",")) {
  if (!loaded) {
    outcomes.push({
      framework,
      generated: false,
      ms: loadMs,
      operations: 0,
      files: 0,
      error: loadError,
    });
    continue;
  }
  const t1 = performance.now();
  try {
    const result = await scaffold.generate(loaded.model, {
      framework,
      outputDir: join(outRoot, framework),
    });
    outcomes.push({
      framework,
      generated: true,
      ms: loadMs + performance.now() - t1,
      operations: loaded.model.operations.length,
      files: result.files.length,
    });
  } catch (error) {
    outcomes.push({
      framework,
      generated: false,
      ms: loadMs + performance.now() - t1,
      operations: 0,
      files: 0,
      error: oneLine(error),
    });
  }
}
const mount = loaded?.model.basePath ?? "";
// One request per operation, path parameters filled with "1" (a value that may fail validation:
// a 400 still shows the route is there and answers).
const requests = (loaded?.model.operations ?? []).map((op) => ({
  method: op.method.toUpperCase(),
  path: mount + op.path.replace(/\{[^}]+\}/g, "1"),
}));
let dependencies: Record<string, string> = {};
for (const framework of frameworkList.split(",")) {
  const deps = scaffold.dependenciesFor?.(framework);
  if (deps) dependencies = { ...dependencies, ...deps.dependencies, ...deps.devDependencies };
}
process.stdout.write(
  `${JSON.stringify({ outcomes, requests, dependencies, warnings: loaded?.warnings.length ?? 0, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);

function oneLine(error: unknown): string {
  const e = error as { name?: string; message?: string };
  const kind = e?.name === "UserError" ? "" : `unexpected ${e?.name ?? "error"}: `;
  return `${kind}${String(e?.message ?? error).split("\n")[0]}`.slice(0, 300);
}
