import { parseSync } from "oxc-parser";
import { UserError } from "../../shared/index.js";
import type { AstNode } from "./ast.js";

export interface ParsedModule {
  file: string;
  source: string;
  program: AstNode;
  /** 1-based line of a character offset. */
  lineOf(offset: number): number;
  /** Text of each `//` comment by the line it ends on. */
  lineComments: Map<number, string>;
}

/** Parse a JavaScript or TypeScript file; a syntax error becomes one line `file:line:col: message`. */
export function parseSource(file: string, source: string, displayPath = file): ParsedModule {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const result = parseSync(file, source, { preserveParens: false, showSemanticErrors: false });
  const fatal = result.errors.find((e) => e.severity === "Error");
  if (fatal) {
    const offset = fatal.labels[0]?.start ?? 0;
    const line = lineOf(offset);
    const column = offset - lineStarts[line - 1] + 1;
    throw new UserError(`${displayPath}:${line}:${column}: ${fatal.message}`, {
      hint: "fix the syntax error (or move the file out of the routes folder) and run again",
    });
  }
  const lineComments = new Map<number, string>();
  for (const comment of result.comments) {
    if (comment.type === "Line") lineComments.set(lineOf(comment.end), comment.value);
  }
  return { file, source, program: result.program as unknown as AstNode, lineOf, lineComments };
}
