import type { SpecFromRoutesResult } from "../engine/scaffold/index.js";
import { openApiPath } from "../engine/scaffold/index.js";
import { paint } from "./style.js";

interface Context {
  input: string;
  output?: string;
  check: boolean;
  upToDate?: boolean;
}

function counts(result: SpecFromRoutesResult) {
  const paths = new Set(result.endpoints.map((e) => openApiPath(e.path).path));
  return { operations: result.endpoints.length, paths: paths.size };
}

/** `Wrote openapi.yaml: 12 operations on 7 paths, read from 5 files in src/routes/` and the list. */
export function specFromRoutesText(result: SpecFromRoutesResult, context: Context): string {
  const { operations, paths } = counts(result);
  const source = `${result.filesScanned} file${result.filesScanned === 1 ? "" : "s"} in ${context.input}`;
  const lines: string[] = [];
  if (context.check) {
    lines.push(
      context.upToDate
        ? `${paint("Up to date:", "green")} ${context.output} describes the ${operations} operations in ${source}`
        : `${paint("Out of date:", "red")} ${context.output} differs from the ${operations} operations in ${source}`,
    );
  } else {
    lines.push(
      `Wrote ${context.output}: ${operations} operations on ${paths} paths, read from ${source}`,
    );
  }
  const width = Math.max(0, ...result.endpoints.map((e) => e.method.length));
  for (const e of result.endpoints) {
    const schema = e.schema ? paint(" (schema)", "dim") : "";
    lines.push(
      `  ${e.method.toUpperCase().padEnd(width)}  ${openApiPath(e.path).path}  ${paint(`${e.file}:${e.line}`, "dim")}${schema}`,
    );
  }
  if (operations === 0) {
    lines.push(
      `${paint("warning:", "yellow")} no Express, Fastify or Koa routes found in ${context.input}`,
    );
  }
  return lines.join("\n");
}

/** The `--json` document: counts, each endpoint found, warnings; the spec itself when not written to a file. */
export function specFromRoutesJson(result: SpecFromRoutesResult, context: Context) {
  const { operations, paths } = counts(result);
  return {
    command: "scaffold",
    mode: "generate-spec",
    input: context.input,
    output: context.output ?? null,
    check: context.check,
    upToDate: context.upToDate ?? null,
    filesScanned: result.filesScanned,
    operations,
    paths,
    endpoints: result.endpoints.map((e) => ({
      method: e.method,
      path: openApiPath(e.path).path,
      routePath: e.path,
      operationId: e.operationId ?? null,
      framework: e.framework ?? null,
      file: e.file,
      line: e.line,
      declaresSchema: e.schema !== undefined,
    })),
    warnings: result.warnings,
    document: context.output ? undefined : result.document,
  };
}
