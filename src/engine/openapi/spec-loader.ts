import { UserError } from "../shared/index.js";
import type { ApiModel } from "./api-model.js";
import { buildModel } from "./model-builder.js";
import { displayPath, readSpecFiles } from "./spec-files.js";
import { DEFAULT_LIMITS, type SpecLimits, timeUp } from "./spec-limits.js";
import { checkOperationRules } from "./spec-rules.js";
import { type SpecProblem, validateSpecSchema } from "./spec-validation.js";
import { checkSpecVersion, convertSwagger2, type OpenApiLine } from "./spec-version.js";

export interface LoadSpecOptions {
  /**
   * Check the document against the OpenAPI schema and rules (default true). Turn off only for
   * documents we produced ourselves (e.g. a benchmark's synthetic spec).
   */
  validate?: boolean;
  /** Refuse a document that breaks the standard anywhere (default: warn and go on). */
  strict?: boolean;
  /** Stops loading between phases (reading, checking, building the model). */
  signal?: AbortSignal;
  /** Tighter or looser bounds on reading (sizes, alias expansion, depth, time). */
  limits?: Partial<SpecLimits>;
}

export interface LoadedSpec {
  /** The root document as read, after a Swagger 2.0 conversion (external `$ref`s not inlined). */
  document: Record<string, unknown>;
  model: ApiModel;
  /** The version line the document was written in (`2.0` documents were converted to 3.0). */
  sourceLine: OpenApiLine;
  /**
   * Where the document breaks the letter of the standard in ways the code does not depend on,
   * one line each: `file#/pointer: what`. Empty with `strict` (it refuses instead).
   */
  warnings: string[];
}

const MAX_WARNINGS = 50;

/**
 * Load an OpenAPI 3.0/3.1/3.2 or Swagger 2.0 spec (YAML or JSON, with `$ref`s into other local
 * files) and build the model. What stops loading is a one-line `UserError` naming the file (and
 * the JSON pointer): syntax errors, documents past the size/alias/depth/time bounds, dangling
 * `$ref`s. Breaches of the standard are warnings unless `strict`.
 */
export async function loadSpec(path: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const deadline = Date.now() + limits.timeoutMs;
  const spec = await readSpecFiles(path, limits, deadline);
  const where = displayPath(spec.root);
  // The time budget covers every stage: checked between them, and inside the walks of reading.
  const checkpoint = () => {
    options.signal?.throwIfAborted();
    if (Date.now() > deadline) throw timeUp(where, limits);
  };
  checkpoint();
  let document = spec.files.get(spec.root) as Record<string, unknown>;
  const sourceLine = checkSpecVersion(document, spec.root);
  const validate = options.validate !== false;
  const problems: SpecProblem[] = validate ? validateSpecSchema(document, sourceLine) : [];
  report(problems, where, sourceLine, options.strict);
  checkpoint();
  let line = sourceLine;
  if (sourceLine === "2.0") {
    document = convertSwagger2(document, spec.root);
    spec.files.set(spec.root, document);
    line = "3.0";
  }
  checkpoint();
  // Building the model follows every $ref, so a dangling one is reported with its location.
  const lenient: SpecProblem[] = [];
  const model = buildModel(spec, line, lenient);
  model.sourceBytes = spec.bytes;
  checkpoint();
  const rules = [...lenient, ...(validate ? checkOperationRules(model.operations) : [])];
  report(rules, where, sourceLine, options.strict);
  const all = [...problems, ...rules];
  const warnings = all.slice(0, MAX_WARNINGS).map((p) => `${where}#${p.pointer}: ${p.message}`);
  if (all.length > MAX_WARNINGS) {
    warnings.push(
      `${where}: … and ${all.length - MAX_WARNINGS} more places that break the standard`,
    );
  }
  return { document, model, sourceLine, warnings };
}

function report(problems: SpecProblem[], where: string, line: OpenApiLine, strict?: boolean): void {
  const first = problems[0];
  if (!strict || !first) return;
  throw new UserError(`${where}#${first.pointer}: ${first.message}`, {
    hint: `the OpenAPI ${line} specification defines what may appear there${problems.length > 1 ? ` (${problems.length - 1} more problems)` : ""}; without --strict these are warnings`,
  });
}
