import type { OperationNames } from "../emit-plan.js";

/** The statements of a handler nobody has written yet: a deliberate 501 naming the file to edit. */
export function stubBody(names: OperationNames): string {
  const message = `"Implement ${names.handler} in ${names.handlerFile}"`;
  const line = `  throw new ApiError(501, "NOT_IMPLEMENTED", ${message});`;
  if (line.length <= 100) return line;
  return `  throw new ApiError(\n    501,\n    "NOT_IMPLEMENTED",\n    ${message},\n  );`;
}

/**
 * The signature line(s) of a handler, on one line when it fits in 100 columns. A parameter the body
 * does not use is named with a leading underscore, as TypeScript (`noUnusedParameters`) and Biome expect.
 */
export function handlerSignature(names: OperationNames, body: string): string {
  const input = /\binput\b/.test(body) ? "input" : "_input";
  const context = /\bcontext\b/.test(body) ? "context" : "_context";
  const oneLine = `export async function ${names.handler}(${input}: ${names.input}, ${context}: HandlerContext): Promise<${names.result}> {`;
  if (oneLine.length <= 100) return oneLine;
  return `export async function ${names.handler}(\n  ${input}: ${names.input},\n  ${context}: HandlerContext,\n): Promise<${names.result}> {`;
}
