import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isUserError } from "../../../engine/shared/index.js";
import { maskSecrets, maskText } from "./mask.js";

/** A successful tool result: a short text for the model and the whole result as structured content. */
export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  const masked = maskSecrets(JSON.parse(JSON.stringify(structured)) as Record<string, unknown>);
  return { content: [{ type: "text", text: maskText(text) }], structuredContent: masked };
}

/**
 * A failure as the agent should see it: `isError` with the one-line message and its hint.
 * The server keeps serving; nothing of a stack trace or a secret reaches the client.
 */
export function errorResult(error: unknown): CallToolResult {
  let text: string;
  if (isUserError(error)) {
    text = `error: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ""}`;
  } else if (error instanceof Error && error.name === "TimeoutError") {
    text = "error: the call ran out of time and was stopped";
  } else if (error instanceof Error && error.name === "AbortError") {
    text = "error: the call was cancelled";
  } else {
    const message = error instanceof Error ? error.message : String(error);
    text = `error: unexpected: ${message.split("\n")[0]}`;
  }
  return { content: [{ type: "text", text: maskText(text) }], isError: true };
}

/**
 * Run a tool body with a wall-clock bound: the signal passed in aborts when the client cancels
 * or after `seconds`. Any throw becomes an `isError` result.
 */
export async function guarded(
  clientSignal: AbortSignal,
  seconds: number,
  body: (signal: AbortSignal) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  const signal = AbortSignal.any([clientSignal, AbortSignal.timeout(seconds * 1000)]);
  try {
    return await body(signal);
  } catch (error) {
    if (signal.aborted && !isUserError(error)) return errorResult(signal.reason);
    return errorResult(error);
  }
}
