import type { Answers } from "../decision/index.js";

/** A key of the shared `Answers` shape that a turn fills in. */
export type AnswerKey = keyof Answers & string;

export interface ChoiceOption {
  /** The value stored in `Answers` (and accepted in an answers file). */
  value: string;
  label: string;
}

interface FieldBase {
  key: AnswerKey;
  label: string;
  /** Missing from an answers file or left blank: allowed (stores nothing, or `default` for yes/no). */
  optional?: boolean;
}

/** One of a fixed list of values; `none` (when set) is the option that leaves the answer unset. */
export interface ChoiceField extends FieldBase {
  kind: "choice";
  options: ChoiceOption[];
  default: string;
  none?: string;
}

/** Yes / no, stored as a boolean. */
export interface YesNoField extends FieldBase {
  kind: "yesno";
  yes: string;
  no: string;
  default: boolean;
}

/** A number in range. `noNumber` (when set) lets blank or a phrase stand for "no number" (stored as null). */
export interface NumberField extends FieldBase {
  kind: "number";
  min: number;
  max: number;
  integer?: boolean;
  unit?: string;
  noNumber?: { phrases: string[]; hint: string };
}

/** Free text. `required` refuses a blank answer; otherwise blank is stored as "" (which a kill criterion may read). */
export interface TextField extends FieldBase {
  kind: "text";
  required?: boolean;
  placeholder?: string;
}

/** Recovery objectives per surface: `billing 0/15, search 60/240` (RPO/RTO in minutes). */
export interface SurfacesField extends FieldBase {
  kind: "surfaces";
  placeholder?: string;
}

export type Field = ChoiceField | YesNoField | NumberField | TextField | SurfacesField;

export interface Recommendation {
  /** The recommended answer in words. */
  answer: string;
  /** Why, in one or two sentences, with the canon behind it. */
  why: string;
  /** Input to pre-fill or pre-select, per field key (strings as a person would type them). */
  prefill?: Partial<Record<AnswerKey, string>>;
}

export type TurnKind = "choice" | "numbers" | "text";

/** One turn of the grill: one of the seven forcing questions or a follow-up fact it needs. */
export interface TurnDef {
  id: string;
  /** The forcing question (1–7) this turn belongs to. */
  question: number;
  /** False for the seven forcing questions, true for their follow-up facts. */
  followUp: boolean;
  /** Short name, e.g. "Load". */
  title: string;
  text: string;
  kind: TurnKind;
  fields: Field[];
  /** The canon the question rests on. */
  canon: string[];
  /** Ids of the kill criteria (src/engine/decision/kill-criteria.ts) this turn's answers can trip. */
  killCriteria: string[];
  /** Whether the turn is asked, given the answers so far and the ids of the turns answered. */
  applies?: (answers: Answers, answered: ReadonlySet<string>) => boolean;
  /** The recommended answer for the facts so far, and why. */
  recommend: (answers: Answers) => Recommendation;
}
