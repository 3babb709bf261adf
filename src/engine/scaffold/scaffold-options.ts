import type { ApiOperation } from "../openapi/index.js";

export const FRAMEWORKS = ["express", "fastify", "koa"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Who owns a generated file: the tool rewrites its files on every run; user files are created once. */
export type FileOwner = "tool" | "user";

/**
 * What a run did to a file:
 * - `written`: a tool-owned file was new or changed (with `check`, it would be);
 * - `unchanged`: a tool-owned file already had this content;
 * - `created`: a user-owned file did not exist and was created (with `check`, it would be);
 * - `kept`: a user-owned file existed and was left exactly as the user has it.
 */
export type FileStatus = "written" | "unchanged" | "kept" | "created";

export interface GeneratedFile {
  /** Path relative to `outputDir`, with `/` separators. */
  path: string;
  owner: FileOwner;
  status: FileStatus;
}

/**
 * A handler implementation supplied instead of the default 501 stub (used by `--from-db`).
 * `body` is the statements inside
 * `export async function <operationId>(input: <Op>Input, context: HandlerContext): Promise<<Op>Result> { … }`,
 * where `input` holds `{ params, query, headers, cookies, body }` already validated, and the result is
 * `{ status, data }` (the route wraps `data` in the success envelope) — throw `ApiError` for errors.
 * `imports` are full import lines the body needs (relative imports are from `handlers/<group>/`).
 */
export interface HandlerSource {
  body: string;
  imports?: string[];
}

/** An extra file to write beside the generated ones (e.g. a database pool module for `--from-db`). */
export interface ExtraFile {
  path: string;
  owner: FileOwner;
  content: string;
}

export interface GenerateOptions {
  framework: Framework;
  /** Directory the files go to (created if missing), e.g. `src/routes/`. */
  outputDir: string;
  /**
   * Path the routes are mounted under (`/v1`); default: the path of the spec's first `servers`
   * URL (`model.basePath`). `""` or `/` mounts at the root.
   */
  basePath?: string;
  /**
   * Also write `package.json` and `tsconfig.json` (user-owned, created once) so `npm install &&
   * npm start` in the output folder runs the app: `true`, or `"auto"` when the folder is empty or
   * missing (what the CLI does unless told otherwise). Default false.
   */
  init?: boolean | "auto";
  /** Refuse to write more than this many bytes in all (default: 8 MiB, or 40 × the spec's size). */
  maxOutputBytes?: number;
  /** Compare only: write nothing; `outOfDate` says whether a real run would change anything. */
  check?: boolean;
  /** Per-operation handler implementations; `undefined` for an operation gives the default stub. */
  handlerBodies?: (operation: ApiOperation) => HandlerSource | string | undefined;
  /** Further files to write with the same ownership rules. */
  extraFiles?: ExtraFile[];
  /** Dependencies the generated code needs beyond the framework's (name → version range), for the README. */
  extraDependencies?: Record<string, string>;
  signal?: AbortSignal;
  onEvent?: (event: ScaffoldEvent) => void;
}

/**
 * Progress of the scaffold engine: `file` after each generated file is planned (`done` of `total`),
 * `route-file` after each route file `--generate-spec` reads.
 */
export type ScaffoldEvent =
  | { type: "file"; done: number; total: number; path: string }
  | { type: "route-file"; done: number; total: number; file: string };

export interface GenerateResult {
  framework: Framework;
  outputDir: string;
  files: GeneratedFile[];
  /** Operations wired (= handler functions). */
  handlers: number;
  /** Handler files under `handlers/` that no operation of the spec uses any more (left in place). */
  orphanedHandlers: string[];
  /** True when some file was (or, with `check`, would be) written or created. */
  outOfDate: boolean;
  /** Packages the generated code imports, name → version range (also listed in the generated README). */
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
