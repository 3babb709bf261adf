import type { Answers } from "../decision/index.js";
import { evaluateKillCriteria, type TrippedKill } from "../decision/index.js";
import {
  ADMIN_PANEL,
  BOUNDED_CONTEXTS,
  LANGUAGE,
  PLATFORM_TEAM,
  TEAM_SIZE,
} from "./architecture-follow-ups.js";
import {
  COMPLIANCE_OWNER,
  ENCRYPTION_AT_REST,
  ENTERPRISE_PRICING,
  INTERACTION_EXCEPTIONS,
  TEAM_SIZE_FOR_EVENTS,
} from "./follow-ups.js";
import { FORCING_QUESTIONS } from "./question-bank.js";
import {
  CUSTOMER_FACING,
  ERROR_BUDGET_OWNER,
  RECOVERY_SURFACES,
  SLO_SLI,
} from "./reliability-follow-ups.js";
import { parseTurnInput, type TurnInput } from "./turn-input.js";
import type { TurnDef } from "./turn-types.js";

/**
 * The grill as a state machine: the answered turns so far decide the next turn;
 * after every answer the kill criteria are evaluated and a tripped one stops the grill.
 */

const [load, tenancy, interaction, sensitivity, architecture, recovery, slo] = FORCING_QUESTIONS;

/** Every turn in asking order; a turn is asked when it applies and has not been answered. */
export const TURNS: TurnDef[] = [
  load!,
  tenancy!,
  ENTERPRISE_PRICING,
  interaction!,
  TEAM_SIZE_FOR_EVENTS,
  INTERACTION_EXCEPTIONS,
  sensitivity!,
  COMPLIANCE_OWNER,
  ENCRYPTION_AT_REST,
  architecture!,
  TEAM_SIZE,
  PLATFORM_TEAM,
  BOUNDED_CONTEXTS,
  LANGUAGE,
  ADMIN_PANEL,
  CUSTOMER_FACING,
  recovery!,
  RECOVERY_SURFACES,
  slo!,
  SLO_SLI,
  ERROR_BUDGET_OWNER,
];

export const QUESTION_COUNT = FORCING_QUESTIONS.length;

export type GrillStatus = "in-progress" | "complete" | "killed";

/** One answered turn: the values it set. */
export interface TurnEntry {
  turn: string;
  values: Partial<Answers>;
}

export interface GrillState {
  /**
   * Every answer recorded, in asking order. The first `at` are the answers given on the way to
   * the turn being asked; the rest were given before the user stepped back (Esc) and are kept:
   * each becomes the pre-selected answer when its turn is asked again.
   */
  entries: TurnEntry[];
  /** How many entries lead to the turn being asked (entries.length unless the user stepped back). */
  at: number;
  status: GrillStatus;
  /** The kill criteria that stopped the grill (empty unless status is "killed"). */
  kills: TrippedKill[];
}

export type AnswerOutcome =
  | { ok: true; state: GrillState }
  | { ok: false; state: GrillState; field: string; message: string };

export function initialState(): GrillState {
  return { entries: [], at: 0, status: "in-progress", kills: [] };
}

export function findTurn(id: string): TurnDef | undefined {
  return TURNS.find((t) => t.id === id);
}

/** The answers given so far, later turns overriding earlier ones. */
export function answersOf(entries: readonly TurnEntry[]): Answers {
  return Object.assign({}, ...entries.map((e) => e.values)) as Answers;
}

function pendingTurn(entries: readonly TurnEntry[]): TurnDef | undefined {
  const answers = answersOf(entries);
  const answered = new Set(entries.map((e) => e.turn));
  return TURNS.find((t) => !answered.has(t.id) && (t.applies?.(answers, answered) ?? true));
}

/** The answers on the way to the turn being asked (later, kept answers excluded). */
export function givenEntries(state: GrillState): TurnEntry[] {
  return state.entries.slice(0, state.at);
}

/** The turn to ask now, or undefined when the grill is complete or stopped. */
export function nextTurn(state: GrillState): TurnDef | undefined {
  return state.status === "in-progress" ? pendingTurn(givenEntries(state)) : undefined;
}

/** The answer given to the turn being asked before the user stepped back: it is pre-selected. */
export function keptAnswer(state: GrillState): TurnEntry | undefined {
  const turn = nextTurn(state);
  return turn ? state.entries.slice(state.at).find((e) => e.turn === turn.id) : undefined;
}

/** "question N of 7" for the turn being asked (or the last one answered when the grill has ended). */
export function progress(state: GrillState): { question: number; of: number } {
  const turn = nextTurn(state) ?? findTurn(state.entries[state.at - 1]?.turn ?? "");
  return { question: turn?.question ?? 1, of: QUESTION_COUNT };
}

function sameValues(a: Partial<Answers>, b: Partial<Answers>): boolean {
  const canonical = (v: Partial<Answers>) =>
    JSON.stringify(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/**
 * The kept later answers that still apply after `given`: a turn that no longer applies
 * (its answer depended on one that changed) is dropped, the others stay in order.
 */
function stillApplying(given: TurnEntry[], later: TurnEntry[]): TurnEntry[] {
  const kept: TurnEntry[] = [];
  for (const entry of later) {
    const turn = findTurn(entry.turn);
    const sofar = [...given, ...kept];
    const answered = new Set(sofar.map((e) => e.turn));
    if (!turn || answered.has(turn.id)) continue;
    if (turn.applies?.(answersOf(sofar), answered) ?? true) kept.push(entry);
  }
  return kept;
}

/** Answer the current turn. Invalid input leaves the state as it was and says what is wrong. */
export function answerTurn(state: GrillState, input: TurnInput): AnswerOutcome {
  const turn = nextTurn(state);
  if (!turn) {
    return {
      ok: false,
      state,
      field: "",
      message: `the grill is ${state.status}; nothing to answer`,
    };
  }
  const parsed = parseTurnInput(turn, input);
  if (!parsed.ok) return { ok: false, state, field: parsed.field, message: parsed.message };
  const entry: TurnEntry = { turn: turn.id, values: parsed.values };
  const given = [...givenEntries(state), entry];
  // Answers kept from before a step back: the same answer keeps them all; a changed one drops
  // only the turns that no longer apply.
  const later = state.entries.slice(state.at);
  const previous = later.find((e) => e.turn === turn.id);
  const others = later.filter((e) => e !== previous);
  const kept =
    previous && sameValues(previous.values, parsed.values) ? others : stillApplying(given, others);
  const at = given.length;
  const kills = evaluateKillCriteria(answersOf(given));
  if (kills.length > 0)
    return { ok: true, state: { entries: [...given, ...kept], at, status: "killed", kills } };
  if (!pendingTurn(given))
    return { ok: true, state: { entries: given, at, status: "complete", kills: [] } };
  return {
    ok: true,
    state: { entries: [...given, ...kept], at, status: "in-progress", kills: [] },
  };
}

/**
 * Rebuild the state from recorded entries (a transcript), validating each one against its turn
 * as if it were answered again; status and kills are derived, not trusted. Returns the problem
 * as a message when an entry does not fit.
 */
export function restoreState(
  entries: ReadonlyArray<{ turn: string; values: Record<string, unknown> }>,
  given: number = entries.length,
): { ok: true; state: GrillState } | { ok: false; message: string } {
  const restored: TurnEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    const turn = findTurn(entry.turn);
    if (!turn)
      return { ok: false, message: `entry ${i + 1} names an unknown turn "${entry.turn}"` };
    const parsed = parseTurnInput(turn, entry.values ?? {});
    if (!parsed.ok) return { ok: false, message: `entry ${i + 1} (${turn.id}): ${parsed.message}` };
    restored.push({ turn: turn.id, values: parsed.values });
  }
  const at = Number.isInteger(given)
    ? Math.min(Math.max(0, given), restored.length)
    : restored.length;
  const kills = evaluateKillCriteria(answersOf(restored.slice(0, at)));
  if (kills.length > 0)
    return { ok: true, state: { entries: restored, at, status: "killed", kills } };
  const status: GrillStatus = pendingTurn(restored.slice(0, at)) ? "in-progress" : "complete";
  return { ok: true, state: { entries: restored, at, status, kills: [] } };
}

/**
 * Step back one turn (Esc on a turn, or resuming a grill a kill criterion stopped). The answer
 * stepped over stays recorded, and is pre-selected when its turn is asked again.
 */
export function goBack(state: GrillState): GrillState {
  return {
    entries: state.entries,
    at: Math.max(0, state.at - 1),
    status: "in-progress",
    kills: [],
  };
}
