import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import $RefParser from "@apidevtools/json-schema-ref-parser";
import { UserError } from "../shared/index.js";

/** Every file of a (possibly multi-file) spec, parsed, keyed by absolute path. */
export interface SpecFiles {
  root: string;
  files: Map<string, unknown>;
}

/** A path as the user should read it: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && rel.length < file.length ? rel : file;
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}

/**
 * Read the root spec and every file its `$ref`s reach (local files only; no network).
 * YAML/JSON syntax errors and missing files become one-line `UserError`s naming the file.
 */
export async function readSpecFiles(path: string): Promise<SpecFiles> {
  const root = resolve(path);
  if (!existsSync(root) || !statSync(root).isFile()) {
    throw new UserError(`spec not found: ${displayPath(root)}`, {
      hint: "pass the path of an OpenAPI 3.0 or 3.1 file (YAML or JSON)",
    });
  }
  const parser = new $RefParser();
  try {
    await parser.resolve(root, {
      resolve: { external: true, http: false },
      continueOnError: false,
    });
  } catch (error) {
    throw toUserError(error, root);
  }
  const files = new Map<string, unknown>();
  const values = parser.$refs.values() as Record<string, unknown>;
  for (const [file, value] of Object.entries(values)) files.set(resolve(file), value);
  return { root, files };
}

function toUserError(error: unknown, root: string): UserError {
  const err = error as { name?: string; message?: string; source?: string; ioErrorCode?: string };
  const source = err.source ? displayPath(resolve(err.source)) : displayPath(root);
  const message = err.message ?? String(error);
  if (err.name === "ParserError") {
    // "Error parsing /abs/file.yaml: deficient indentation (4:3)" → "file.yaml:4:3: deficient indentation"
    const detail = firstLine(message).replace(/^Error parsing [^:]+: /, "");
    const at = /\((\d+):(\d+)\)\s*$/.exec(detail);
    const what = detail.replace(/\s*\(\d+:\d+\)\s*$/, "");
    return new UserError(
      `${source}${at ? `:${at[1]}:${at[2]}` : ""}: not valid YAML/JSON: ${what}`,
      {
        hint: "fix the syntax at that line and run again",
      },
    );
  }
  if (err.name === "ResolverError") {
    const reason = err.ioErrorCode === "ENOENT" ? "file not found" : firstLine(message);
    return new UserError(`cannot read ${source}, which a $ref points at: ${reason}`, {
      hint: "$ref paths are relative to the file that contains them; only local files are followed",
    });
  }
  return new UserError(`${displayPath(root)}: ${firstLine(message)}`, {
    hint: "check the file is an OpenAPI 3.0 or 3.1 document",
  });
}
