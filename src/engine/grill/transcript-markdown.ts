import type { TrippedKill } from "../decision/index.js";
import { UserError } from "../shared/index.js";
import { describeAnswer } from "./answer-text.js";
import {
  answersOf,
  findTurn,
  type GrillState,
  type GrillStatus,
  progress,
  QUESTION_COUNT,
  restoreState,
  type TurnEntry,
} from "./turns.js";

/**
 * The transcript as Markdown: one section per answered turn (question, answer, recommendation,
 * canon), the kill criterion that stopped the grill, and a fenced JSON block holding the state,
 * which `grill --resume` and `decide --from-transcript` read back.
 */

export const TRANSCRIPT_FORMAT = "senior-backend/grill-transcript";
export const TRANSCRIPT_VERSION = 1;
const STATE_MARKER = "<!-- grill-state: read by `senior-backend grill --resume`; do not edit -->";

export interface TranscriptMeta {
  path: string;
  startedAt: string;
  updatedAt: string;
}

export interface StateBlock {
  format: string;
  version: number;
  status: GrillStatus;
  /**
   * The number of entries on the way to the turn being asked; entries after them were answered
   * before a step back and are asked again with that answer pre-selected.
   */
  turnIndex: number;
  /** The forcing question (1–7) being asked, or the last one when the grill has ended. */
  question: number;
  startedAt: string;
  updatedAt: string;
  answers: ReturnType<typeof answersOf>;
  entries: TurnEntry[];
  kills: TrippedKill[];
}

const STATUS_TEXT: Record<GrillStatus, string> = {
  "in-progress": "in progress",
  complete: "complete",
  killed: "stopped by a kill criterion",
};

export function stateBlock(state: GrillState, meta: TranscriptMeta): StateBlock {
  return {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    status: state.status,
    turnIndex: state.at,
    question: progress(state).question,
    startedAt: meta.startedAt,
    updatedAt: meta.updatedAt,
    answers: answersOf(state.entries),
    entries: state.entries,
    kills: state.kills,
  };
}

export function renderTranscript(state: GrillState, meta: TranscriptMeta): string {
  const { question } = progress(state);
  const date = localDate(new Date(meta.startedAt));
  const lines: string[] = [`# Backend grill — ${date}`, ""];
  lines.push(`- Status: **${STATUS_TEXT[state.status]}** (question ${question}/${QUESTION_COUNT})`);
  lines.push(`- Started: ${meta.startedAt}`, `- Updated: ${meta.updatedAt}`);
  if (state.status === "complete") {
    lines.push(`- Next: \`senior-backend decide --from-transcript ${meta.path}\``);
  } else {
    lines.push(`- Continue: \`senior-backend grill --resume ${meta.path}\``);
  }
  lines.push("");
  state.entries.forEach((entry, i) => {
    const turn = findTurn(entry.turn);
    if (!turn) return;
    const rec = turn.recommend(answersOf(state.entries.slice(0, i)));
    const heading = turn.followUp
      ? `### Question ${turn.question}/${QUESTION_COUNT} follow-up — ${turn.title}`
      : `## Question ${turn.question}/${QUESTION_COUNT} — ${turn.title}`;
    lines.push(heading, "");
    if (i >= state.at)
      lines.push("_Answered before a step back; asked again with this answer pre-selected._", "");
    lines.push(`**Question:** ${turn.text}`, "");
    lines.push(`**Answer:** ${oneLine(describeAnswer(turn, entry.values))}`, "");
    lines.push(`**Recommended:** ${rec.answer} — ${rec.why}`, "");
    lines.push(`**Canon:** ${turn.canon.join("; ")}`, "");
  });
  for (const kill of state.kills) {
    lines.push(`## ✖ Kill criterion (question ${kill.question}): ${kill.title}`, "");
    lines.push(`**Reason:** ${kill.reason}`, "", `**Remedy:** ${kill.remedy}`, "");
  }
  lines.push("## State", "", STATE_MARKER, "```json");
  lines.push(JSON.stringify(stateBlock(state, meta), null, 2), "```", "");
  return lines.join("\n");
}

/** Answers stay on one line, so nothing a person types can look like the state block. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

/** The local date as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function notTranscript(path: string, why: string): UserError {
  return new UserError(`${path} is not a grill transcript (${why})`, {
    hint: "pass a file written by `senior-backend grill`, e.g. /tmp/backend-grill-YYYY-MM-DD.md",
  });
}

/** Read the state block back; anything after its closing fence is ignored. */
export function parseTranscript(text: string, path: string): StateBlock {
  const at = text.indexOf(`\n${STATE_MARKER}\n\`\`\`json\n`);
  if (at < 0) throw notTranscript(path, "no state block");
  const m = /```json\n([\s\S]*?)\n```/.exec(text.slice(at));
  if (!m) throw notTranscript(path, "the state block is not closed");
  let block: StateBlock;
  try {
    block = JSON.parse(m[1]!) as StateBlock;
  } catch (error) {
    throw notTranscript(path, `the state block is not JSON: ${(error as Error).message}`);
  }
  if (block.format !== TRANSCRIPT_FORMAT || block.version !== TRANSCRIPT_VERSION) {
    throw notTranscript(path, `unknown format ${block.format} v${block.version}`);
  }
  if (
    !Array.isArray(block.entries) ||
    !["in-progress", "complete", "killed"].includes(block.status)
  ) {
    throw notTranscript(path, "the state block has no entries or status");
  }
  const restored = restoreState(
    block.entries,
    typeof block.turnIndex === "number" ? block.turnIndex : block.entries.length,
  );
  if (!restored.ok) throw notTranscript(path, restored.message);
  const { state } = restored;
  return {
    ...block,
    status: state.status,
    entries: state.entries,
    kills: state.kills,
    answers: answersOf(state.entries),
    turnIndex: state.at,
    question: progress(state).question,
  };
}
