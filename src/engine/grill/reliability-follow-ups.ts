import { yes } from "./follow-ups.js";
import { CANON } from "./question-bank.js";
import type { TurnDef } from "./turn-types.js";

/** Follow-up facts for questions 6 (recovery) and 7 (SLO). */

export const CUSTOMER_FACING: TurnDef = {
  id: "customer-facing",
  question: 6,
  followUp: true,
  title: "Customer-facing database",
  text: "Does a customer-facing production database sit behind this service?",
  kind: "choice",
  fields: [
    {
      key: "customerFacing",
      kind: "yesno",
      label: "Customer-facing database",
      yes: "Yes",
      no: "No (internal tool, data can be rebuilt)",
      default: true,
      optional: true,
    },
  ],
  canon: [...CANON.q6],
  killCriteria: ["no-rpo-rto"],
  recommend: () =>
    yes(
      "Yes, unless the data can be rebuilt from another system",
      "Customer data that is lost cannot be rebuilt; it needs agreed recovery objectives (ISO 22301).",
      "customerFacing",
      "yes",
    ),
};

export const RECOVERY_SURFACES: TurnDef = {
  id: "recovery-surfaces",
  question: 6,
  followUp: true,
  title: "Recovery per surface",
  text: "Do some surfaces need other RPO/RTO? Type `name rpo/rto`, comma-separated (blank: none).",
  kind: "text",
  fields: [
    {
      key: "recoveryPerSurface",
      kind: "surfaces",
      label: "Per surface",
      optional: true,
      placeholder: "e.g. billing 0/15, search 60/240",
    },
  ],
  canon: [...CANON.q6],
  killCriteria: [],
  recommend: () => ({
    answer: "Billing and auth usually need tighter objectives than search or reports",
    why: "Recovery objectives follow the business impact of each surface (ISO 22301 business-impact analysis).",
  }),
};

export const SLO_SLI: TurnDef = {
  id: "slo-sli",
  question: 7,
  followUp: true,
  title: "SLI",
  text: "What is the measurable SLI, and where is it measured?",
  kind: "text",
  fields: [
    {
      key: "sloSli",
      kind: "text",
      label: "SLI",
      required: true,
      placeholder: "e.g. share of requests answered under 500 ms at the load balancer",
    },
  ],
  canon: [...CANON.q7],
  killCriteria: [],
  recommend: () => ({
    answer: "Share of good requests at the load balancer over 28 days",
    why: "An SLI is a ratio of good events to all events, measured as close to the user as you can (SRE Workbook ch. 2).",
  }),
};

export const ERROR_BUDGET_OWNER: TurnDef = {
  id: "error-budget-owner",
  question: 7,
  followUp: true,
  title: "Error-budget owner",
  text: "Who is the named owner of the error budget? (blank: nobody yet)",
  kind: "text",
  fields: [
    {
      key: "errorBudgetOwner",
      kind: "text",
      label: "Error-budget owner",
      placeholder: "a person's name, e.g. Sam Okafor (engineering manager)",
    },
  ],
  canon: [...CANON.q7],
  killCriteria: ["ha-without-slo-or-owner"],
  recommend: () => ({
    answer: "The person who can stop feature work when the budget is spent",
    why: "An error budget needs an owner with the authority to trade reliability against features (SRE Workbook ch. 5, error budget policy).",
  }),
};
