import {
  type Answers,
  DATA_SENSITIVITIES,
  INTERACTION_STYLES,
  LANGUAGES,
  PATTERNS,
  TENANCIES,
} from "./answers.js";
import type { Dimension } from "./scoring.js";

/** How the tool asks for one scored input: the question, the flag, and the answers it may take. */
export interface DimensionQuestion {
  dimension: Dimension;
  label: string;
  question: string;
  flag: string;
  /** Fixed answers for enumerations and yes/no; numbers are probed at the profiles' range edges. */
  values?: ReadonlyArray<string | boolean>;
  numeric?: { min: number };
}

export const DIMENSION_QUESTIONS: Record<Dimension, DimensionQuestion> = {
  languagePreference: {
    dimension: "languagePreference",
    label: "language",
    question: "Which language does the team know best?",
    flag: "--language-preference",
    values: LANGUAGES,
  },
  pattern: {
    dimension: "pattern",
    label: "architecture pattern",
    question: "Which architecture pattern will you build?",
    flag: "--pattern",
    values: PATTERNS,
  },
  dataSensitivity: {
    dimension: "dataSensitivity",
    label: "data sensitivity",
    question: "What is the most sensitive data the service will hold?",
    flag: "--data-sensitivity",
    values: DATA_SENSITIVITIES,
  },
  tenancy: {
    dimension: "tenancy",
    label: "tenancy",
    question: "How are customers' data and compute separated?",
    flag: "--tenancy",
    values: TENANCIES,
  },
  teamSize: {
    dimension: "teamSize",
    label: "team size",
    question: "How many engineers will work on the service?",
    flag: "--team-size",
    numeric: { min: 1 },
  },
  qpsP99: {
    dimension: "qpsP99",
    label: "one-year p99 QPS",
    question: "What p99 queries per second do you expect a year from now?",
    flag: "--qps-p99",
    numeric: { min: 0 },
  },
  platformTeam: {
    dimension: "platformTeam",
    label: "platform team",
    question: "Is there a platform team that runs deployment, observability and the runtime?",
    flag: "--platform-team yes|no",
    values: [true, false],
  },
  needsAdminPanel: {
    dimension: "needsAdminPanel",
    label: "admin panel",
    question: "Do back-office staff need an admin panel over the data?",
    flag: "--needs-admin-panel yes|no",
    values: [true, false],
  },
  readWriteRatio: {
    dimension: "readWriteRatio",
    label: "read/write ratio",
    question: "How many reads are there per write?",
    flag: "--read-write-ratio",
    numeric: { min: 0.01 },
  },
  interactionStyle: {
    dimension: "interactionStyle",
    label: "interaction style",
    question: "What is the default interaction style: sync, async-queue or event-driven?",
    flag: "--interaction-style",
    values: INTERACTION_STYLES,
  },
};

/** The answers field a dimension reads (the same name). */
export const answerField = (d: Dimension): keyof Answers => d;

/** How a probed value reads to a person: yes/no for booleans. */
export const showValue = (v: string | number | boolean): string =>
  typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
