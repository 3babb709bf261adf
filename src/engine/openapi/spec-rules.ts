import type { ApiOperation } from "./api-model.js";
import { uniqueName } from "./identifiers.js";
import type { SpecProblem } from "./spec-validation.js";

/**
 * The OpenAPI rules its JSON Schema cannot express, checked on the model: operationIds are
 * unique, and path templates and path parameters agree. Each breach is returned as a located
 * problem and repaired so the generated code stays consistent: a repeated operationId gets a
 * numbered name, a templated parameter nobody declared becomes a required string, a declared
 * path parameter the path does not use is dropped.
 */
export function checkOperationRules(operations: ApiOperation[]): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const seen = new Map<string, ApiOperation>();
  const taken = new Set(operations.map((op) => op.operationId));
  for (const op of operations) {
    if (!op.synthesizedId) {
      const first = seen.get(op.operationId);
      if (first) {
        const renamed = uniqueName(op.operationId, taken);
        problems.push({
          pointer: `${op.pointer}/operationId`,
          message: `operationId "${op.operationId}" is already used by ${first.method.toUpperCase()} ${first.path}; this one is named ${renamed}`,
        });
        op.operationId = renamed;
      } else seen.set(op.operationId, op);
    }
    const templated = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const declared = new Set(op.params.path.map((p) => p.name));
    for (const name of templated) {
      if (declared.has(name)) continue;
      problems.push({
        pointer: op.pointer,
        message: `path parameter "${name}" of ${op.path} is not declared in "parameters"; read as a string`,
      });
      op.params.path.push({ name, in: "path", required: true, schema: { type: "string" } });
    }
    const used = new Set(templated);
    const unused = op.params.path.filter((p) => !used.has(p.name));
    for (const param of unused) {
      problems.push({
        pointer: `${op.pointer}/parameters`,
        message: `path parameter "${param.name}" does not appear in the path ${op.path}; ignored`,
      });
    }
    if (unused.length > 0) op.params.path = op.params.path.filter((p) => used.has(p.name));
  }
  return problems;
}
