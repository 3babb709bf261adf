import type { Decision } from "../engine/decision/index.js";
import {
  describeAnswer,
  findTurn,
  type GrillState,
  QUESTION_COUNT,
} from "../engine/grill/index.js";
import { decisionMarkdown } from "./decision-markdown.js";
import { paint } from "./style.js";

/** The text result of a headless grill (and the summary after the full-screen one). */
export function grillReport(
  state: GrillState,
  transcript: string | undefined,
  decision?: Decision,
): string {
  const lines: string[] = [];
  const last = findTurn(state.entries[state.at - 1]?.turn ?? "");
  if (state.status === "complete") {
    lines.push(paint(`Grill complete: all ${QUESTION_COUNT} questions answered.`, "green"));
  } else if (state.status === "killed") {
    lines.push(paint(`Grill stopped at question ${last?.question ?? 1}/${QUESTION_COUNT}.`, "red"));
  } else {
    lines.push(`Grill paused after ${state.entries.length} answers.`);
  }
  lines.push("");
  for (const entry of state.entries) {
    const turn = findTurn(entry.turn);
    if (!turn) continue;
    const label = `${turn.question}${turn.followUp ? "+" : " "} ${turn.title}`;
    lines.push(`  ${label.padEnd(28)} ${describeAnswer(turn, entry.values)}`);
  }
  for (const kill of state.kills) {
    lines.push("", paint(`✖ Kill criterion: ${kill.title}`, "red"));
    lines.push(`  Reason: ${kill.reason}`, `  Remedy: ${kill.remedy}`);
  }
  if (transcript) {
    lines.push("", `Transcript: ${transcript}`);
    if (state.status === "complete") {
      lines.push(`Decide again: senior-backend decide --from-transcript ${transcript}`);
    } else {
      lines.push(`Continue: senior-backend grill --resume ${transcript}`);
    }
  }
  if (decision) lines.push("", decisionMarkdown(decision));
  return lines.join("\n");
}
