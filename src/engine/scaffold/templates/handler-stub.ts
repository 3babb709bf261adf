import type { OperationNames } from "../emit-plan.js";

/** The statements of a handler nobody has written yet: a deliberate 501 naming the file to edit. */
export function stubBody(names: OperationNames): string {
  return `  throw new ApiError(501, "NOT_IMPLEMENTED", "Implement ${names.handler} in ${names.handlerFile}");`;
}

/** The signature line(s) of a handler, on one line when it fits in 100 columns. */
export function handlerSignature(names: OperationNames, unusedParams: boolean): string {
  const input = unusedParams ? "_input" : "input";
  const context = unusedParams ? "_context" : "context";
  const oneLine = `export async function ${names.handler}(${input}: ${names.input}, ${context}: HandlerContext): Promise<${names.result}> {`;
  if (oneLine.length <= 100) return oneLine;
  return `export async function ${names.handler}(\n  ${input}: ${names.input},\n  ${context}: HandlerContext,\n): Promise<${names.result}> {`;
}
