import type { ApiOperation } from "./api-model.js";
import { type Location, located } from "./spec-refs.js";

/**
 * The OpenAPI rules its JSON Schema cannot express, checked on the model: operationIds are
 * unique, and path templates and path parameters agree. Throws a located `UserError`.
 */
export function checkOperationRules(operations: ApiOperation[], root: string): void {
  const at = (op: ApiOperation, ...tokens: string[]): Location => ({
    file: root,
    pointer: [op.pointer, ...tokens].join("/"),
  });
  const seen = new Map<string, ApiOperation>();
  for (const op of operations) {
    if (!op.synthesizedId) {
      const first = seen.get(op.operationId);
      if (first) {
        throw located(
          at(op, "operationId"),
          `operationId "${op.operationId}" is already used by ${first.method.toUpperCase()} ${first.path}`,
          "operationIds must be unique: they name the handlers",
        );
      }
      seen.set(op.operationId, op);
    }
    const templated = new Set([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    const declared = new Set(op.params.path.map((p) => p.name));
    for (const name of templated) {
      if (!declared.has(name)) {
        throw located(
          at(op),
          `path parameter "${name}" of ${op.path} is not declared in "parameters"`,
          `add { name: ${name}, in: path, required: true, schema: … } to the operation or its path`,
        );
      }
    }
    for (const name of declared) {
      if (!templated.has(name)) {
        throw located(
          at(op, "parameters"),
          `path parameter "${name}" does not appear in the path ${op.path}`,
          `use {${name}} in the path or change the parameter's "in"`,
        );
      }
    }
  }
}
