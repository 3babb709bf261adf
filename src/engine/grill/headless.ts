import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { UserError } from "../shared/index.js";
import type { GrillSession } from "./session.js";
import { requiredKeys } from "./turn-input.js";
import { TURNS } from "./turns.js";

/**
 * The grill without a terminal: answers come from a YAML or JSON file whose keys are the
 * `Answers` fields, and go through the same turns, validation, kill criteria and transcript.
 */

/** Every key an answers file may hold (the fields of all turns). */
export const ANSWER_FILE_KEYS: string[] = [
  ...new Set(TURNS.flatMap((t) => t.fields.map((f) => f.key))),
];

export type AnswerValues = Record<string, unknown>;

export async function loadAnswersFile(path: string): Promise<AnswerValues> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot read the answers file ${path}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
      { hint: "see examples/answers.yaml for the format" },
    );
  }
  return parseAnswers(text, path);
}

/** Parse YAML or JSON (JSON is YAML) into the answer values; unknown keys are an error. */
export function parseAnswers(text: string, path: string): AnswerValues {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    // The yaml package ends its first line with ":" before a code frame; keep the line, not the frame.
    const first = (error as Error).message.split("\n")[0]!.replace(/:$/, "");
    throw new UserError(`the answers file ${path} is not valid YAML or JSON: ${first}`, {
      hint: "see examples/answers.yaml for the format",
    });
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new UserError(`the answers file ${path} must be a mapping of answer names to values`, {
      hint: "see examples/answers.yaml for the format",
    });
  }
  const unknown = Object.keys(doc).filter((k) => !ANSWER_FILE_KEYS.includes(k));
  if (unknown.length > 0) {
    throw new UserError(`the answers file ${path} has unknown keys: ${unknown.join(", ")}`, {
      hint: `allowed keys: ${ANSWER_FILE_KEYS.join(", ")}`,
    });
  }
  return doc as AnswerValues;
}

/**
 * Answer the session's turns from `values` until the grill is complete or a kill criterion
 * stops it. A missing or invalid answer is a UserError (exit 2); the transcript keeps what was
 * answered before it, so `--resume` can continue.
 */
export function answerFromValues(
  session: GrillSession,
  values: AnswerValues,
  source: string,
  signal?: AbortSignal,
): void {
  for (let guard = 0; guard <= TURNS.length; guard++) {
    const turn = session.turn;
    if (!turn || signal?.aborted) return;
    const where = `question ${turn.question}${turn.followUp ? ` follow-up “${turn.title}”` : ""}: ${turn.text}`;
    const missing = requiredKeys(turn).filter((k) => !(k in values));
    if (missing.length > 0) {
      throw new UserError(`the answers file ${source} has no ${missing.join(", ")} (${where})`, {
        hint: session.path
          ? `add it, or continue interactively: senior-backend grill --resume ${session.path}`
          : "add it; see examples/answers.yaml",
      });
    }
    const outcome = session.answer(values);
    if (!outcome.ok) {
      throw new UserError(`the answers file ${source}: ${outcome.message}`, {
        hint: `at ${where}`,
      });
    }
  }
}
