import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import $RefParser from "@apidevtools/json-schema-ref-parser";
import { UserError } from "../shared/index.js";
import { MIB, mib, type SpecLimits, timeUp } from "./spec-limits.js";
import { parseSpecText } from "./spec-parse.js";
import { checkShape } from "./spec-shape.js";

/** Every file of a (possibly multi-file) spec, parsed, keyed by absolute path. */
export interface SpecFiles {
  root: string;
  files: Map<string, unknown>;
  /** Bytes read, all files together. */
  bytes: number;
}

/** A path as the user should read it: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && rel.length < file.length ? rel : file;
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}

const toPath = (url: string) => (url.startsWith("file:") ? fileURLToPath(url) : url);

/**
 * Read the root spec and every file its `$ref`s reach (local files only; no network), each parsed
 * within `limits`. YAML/JSON syntax errors, missing files and documents past the limits become
 * one-line `UserError`s naming the file.
 */
export async function readSpecFiles(
  path: string,
  limits: SpecLimits,
  deadline = Date.now() + limits.timeoutMs,
): Promise<SpecFiles> {
  const root = resolve(path);
  let isFile = false;
  try {
    isFile = statSync(root).isFile();
  } catch {}
  if (!isFile) {
    throw new UserError(`spec not found: ${displayPath(root)}`, {
      hint: "pass the path of an OpenAPI 2.0, 3.0, 3.1 or 3.2 file (YAML or JSON)",
    });
  }
  let totalBytes = 0;
  let fileCount = 0;
  // $RefParser wraps what a parser throws; keep our own error to rethrow it unchanged.
  let ours: UserError | undefined;
  const keep = (error: UserError) => {
    ours ??= error;
    return error;
  };
  const parser = new $RefParser();
  try {
    await parser.resolve(root, {
      continueOnError: false,
      resolve: {
        external: true,
        // URLs are never fetched (no traffic to an origin the user did not name): a URL a $ref
        // names reads as an empty document here, and the model reads its schema as "anything".
        http: { order: 200, canRead: /^https?:/i, read: async () => "{}" },
        file: {
          read: async (file: { url: string }) => {
            const where = displayPath(toPath(file.url));
            fileCount += 1;
            if (fileCount > limits.maxFiles) {
              throw keep(
                new UserError(`${where}: the spec reaches more than ${limits.maxFiles} files`),
              );
            }
            let size = 0;
            try {
              size = statSync(toPath(file.url)).size;
            } catch {
              throw keep(
                new UserError(`cannot read ${where}, which a $ref points at: file not found`, {
                  hint: "$ref paths are relative to the file that contains them; only local files are followed",
                }),
              );
            }
            totalBytes += size;
            if (size > limits.maxFileBytes || totalBytes > limits.maxTotalBytes) {
              const [what, limit] =
                size > limits.maxFileBytes
                  ? [`${mib(size)}`, `${mib(limits.maxFileBytes)} a file`]
                  : [
                      `${mib(totalBytes)} with the files before it`,
                      `${mib(limits.maxTotalBytes)} in all`,
                    ];
              throw keep(
                new UserError(`${where}: too large (${what}; the limit is ${limit})`, {
                  hint: `check it is the right file, or raise the limit with --max-spec-size <MiB> (e.g. ${Math.ceil((size > limits.maxFileBytes ? size : totalBytes) / MIB / 8) * 8})`,
                }),
              );
            }
            if (Date.now() > deadline) throw keep(timeUp(where, limits));
            return readFile(toPath(file.url));
          },
        },
      },
      parse: {
        json: false,
        text: false,
        binary: false,
        yaml: {
          order: 100,
          allowEmpty: true,
          canParse: true,
          parse: (file: { url: string; data: Buffer | string }) => {
            const where = displayPath(toPath(file.url));
            const text = typeof file.data === "string" ? file.data : file.data.toString("utf8");
            try {
              if (Date.now() > deadline) throw timeUp(where, limits);
              const value = parseSpecText(text, where, limits);
              checkShape(value, where, limits, deadline);
              return value;
            } catch (error) {
              throw error instanceof UserError ? keep(error) : error;
            }
          },
        },
      },
      // biome-ignore lint/suspicious/noExplicitAny: the parser's option types do not list partial overrides
    } as any);
  } catch (error) {
    throw ours ?? toUserError(error, root);
  }
  const files = new Map<string, unknown>();
  const values = parser.$refs.values() as Record<string, unknown>;
  for (const [file, value] of Object.entries(values)) files.set(resolve(toPath(file)), value);
  return { root, files, bytes: totalBytes };
}

function toUserError(error: unknown, root: string): UserError {
  const err = error as { name?: string; message?: string; source?: string; ioErrorCode?: string };
  const source = err.source ? displayPath(resolve(toPath(err.source))) : displayPath(root);
  const message = err.message ?? String(error);
  if (err.name === "ResolverError") {
    const reason = err.ioErrorCode === "ENOENT" ? "file not found" : firstLine(message);
    return new UserError(`cannot read ${source}, which a $ref points at: ${reason}`, {
      hint: "$ref paths are relative to the file that contains them; only local files are followed",
    });
  }
  return new UserError(`${displayPath(root)}: ${firstLine(message)}`, {
    hint: "check the file is an OpenAPI 2.0, 3.0, 3.1 or 3.2 document",
  });
}
