import type { ApiModel } from "./api-model.js";
import { buildModel } from "./model-builder.js";
import { readSpecFiles } from "./spec-files.js";
import { checkOperationRules } from "./spec-rules.js";
import { checkSpecVersion, validateSpecSchema } from "./spec-validation.js";

export interface LoadSpecOptions {
  /**
   * Check the document against the OpenAPI schema and rules first (default true). Turn off only
   * for documents we produced ourselves (e.g. a benchmark's synthetic spec).
   */
  validate?: boolean;
  /** Stops loading between phases (reading, checking, building the model). */
  signal?: AbortSignal;
}

export interface LoadedSpec {
  /** The root document as parsed (external `$ref`s not inlined). */
  document: Record<string, unknown>;
  model: ApiModel;
}

/**
 * Load an OpenAPI 3.0/3.1 spec (YAML or JSON, with `$ref`s into other local files) and build the
 * scaffold model. Every problem a user can fix is a one-line `UserError` naming the file and the
 * JSON pointer: syntax errors, Swagger 2.0, schema violations, dangling `$ref`s.
 */
export async function loadSpec(path: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const spec = await readSpecFiles(path);
  options.signal?.throwIfAborted();
  const document = spec.files.get(spec.root);
  const line = checkSpecVersion(document, spec.root);
  if (options.validate !== false) validateSpecSchema(document, line, spec.root);
  options.signal?.throwIfAborted();
  // Building the model follows every $ref, so a dangling one is reported with its location.
  const model = buildModel(spec, line);
  if (options.validate !== false) checkOperationRules(model.operations, spec.root);
  return { document: document as Record<string, unknown>, model };
}
