import { type GrillSession, QUESTION_COUNT } from "../engine/grill/index.js";

const kept = (n: number) => (n === 1 ? "1 answer" : `${n} answers`);

/** The text printed to the normal screen after the grill screen is left (q, Enter, Ctrl+C). */
export function grillSummary(session: GrillSession): string {
  const { state, path } = session;
  const { question } = session.progress;
  if (!path) return "Grill left before the first answer; no transcript was written.";
  const lines: string[] = [];
  if (state.status === "complete") {
    lines.push(`Grill complete: all ${QUESTION_COUNT} questions answered.`);
  } else if (state.status === "killed") {
    lines.push(`Grill stopped at question ${question}/${QUESTION_COUNT} by a kill criterion.`);
    for (const k of state.kills) {
      lines.push(`✖ ${k.title}`, `  Reason: ${k.reason}`, `  Remedy: ${k.remedy}`);
    }
  } else {
    lines.push(
      `Grill paused at question ${question}/${QUESTION_COUNT}; ${kept(state.entries.length)} kept.`,
    );
  }
  lines.push(`Transcript: ${path}`);
  lines.push(
    state.status === "complete"
      ? `Decide: senior-backend decide --from-transcript ${path}`
      : `Continue: senior-backend grill --resume ${path}`,
  );
  return lines.join("\n");
}
