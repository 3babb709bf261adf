import { CANON } from "./question-bank.js";
import { isRegulated } from "./recommendations.js";
import type { NumberField, TurnDef } from "./turn-types.js";

/**
 * The follow-up facts the kill criteria and the decision engine need, each asked as its own turn
 * and only when it applies. This file: questions 2–4; architecture-follow-ups.ts: question 5;
 * reliability-follow-ups.ts: questions 6–7.
 */

export const teamSizeField: NumberField = {
  key: "teamSize",
  kind: "number",
  label: "Engineers who will build and run it",
  min: 1,
  max: 100_000,
  integer: true,
};

export const teamSizeWhy =
  "Team size decides how many moving parts you can own; Conway's law ties architecture to team structure (Team Topologies).";

/** A yes/no recommendation with its option pre-selected. */
export const yes = (answer: string, why: string, key: string, value: "yes" | "no") => ({
  answer,
  why,
  prefill: { [key]: value },
});

export const ENTERPRISE_PRICING: TurnDef = {
  id: "enterprise-pricing",
  question: 2,
  followUp: true,
  title: "Enterprise pricing",
  text: "Single-tenant for everyone: is there enterprise pricing that pays for an instance per customer?",
  kind: "choice",
  fields: [
    {
      key: "enterprisePricing",
      kind: "yesno",
      label: "Enterprise pricing",
      yes: "Yes, every customer pays for their own instance",
      no: "No",
      default: false,
    },
  ],
  canon: [...CANON.q2],
  killCriteria: ["single-tenant-without-enterprise-pricing"],
  applies: (a) => a.tenancy === "single-tenant",
  recommend: () =>
    yes(
      "Yes only if a signed price list charges for the dedicated instance",
      "An instance per customer multiplies cost; only a price that covers it makes the silo model viable (AWS SaaS guidance).",
      "enterprisePricing",
      "no",
    ),
};

export const INTERACTION_EXCEPTIONS: TurnDef = {
  id: "interaction-exceptions",
  question: 3,
  followUp: true,
  title: "Interaction exceptions",
  text: "Which flows are exceptions to the default style, and what do they use instead? (blank: none)",
  kind: "text",
  fields: [
    {
      key: "interactionExceptions",
      kind: "text",
      label: "Exceptions",
      optional: true,
      placeholder: "e.g. PDF export via a queue; billing events to finance",
    },
  ],
  canon: [...CANON.q3],
  killCriteria: [],
  recommend: () => ({
    answer: "Name the slow or bursty flows that go through a queue",
    why: "Exceptions named up front keep the default honest; each async flow needs an owner for retries and dead letters (Reinertsen).",
  }),
};

export const TEAM_SIZE_FOR_EVENTS: TurnDef = {
  id: "team-size-events",
  question: 3,
  followUp: true,
  title: "Team size",
  text: "Event-driven everywhere: how many engineers will build and run it?",
  kind: "numbers",
  fields: [teamSizeField],
  canon: [...CANON.q3, ...CANON.q5],
  killCriteria: ["event-driven-small-team"],
  applies: (a) => a.interactionStyle === "event-driven",
  recommend: () => ({
    answer: "The number of engineers today, not the hiring plan",
    why: teamSizeWhy,
  }),
};

export const COMPLIANCE_OWNER: TurnDef = {
  id: "compliance-owner",
  question: 4,
  followUp: true,
  title: "Compliance owner",
  text: "Regulated data: who is the named compliance owner? (blank: nobody yet)",
  kind: "text",
  fields: [
    {
      key: "complianceOwner",
      kind: "text",
      label: "Compliance owner",
      placeholder: "a person's name, e.g. Dana Whitfield (CISO)",
    },
  ],
  canon: [...CANON.q4],
  killCriteria: ["regulated-without-owner-or-encryption"],
  applies: (a) => isRegulated(a),
  recommend: () => ({
    answer: "A named person, not a team",
    why: "HIPAA §164.308(a)(2) requires an assigned security official; PCI-DSS v4.0 req. 12.4 assigns executive responsibility.",
  }),
};

export const ENCRYPTION_AT_REST: TurnDef = {
  id: "encryption-at-rest",
  question: 4,
  followUp: true,
  title: "Encryption at rest",
  text: "Regulated data: is there a plan for encryption at rest (keys, volumes, backups)?",
  kind: "choice",
  fields: [
    {
      key: "encryptionAtRestPlan",
      kind: "yesno",
      label: "Encryption-at-rest plan",
      yes: "Yes, written down (KMS keys, encrypted volumes and backups)",
      no: "No",
      default: true,
    },
  ],
  canon: [...CANON.q4],
  killCriteria: ["regulated-without-owner-or-encryption"],
  applies: (a) => isRegulated(a),
  recommend: () =>
    yes(
      "Yes: KMS-managed keys, encrypted volumes and backups",
      "HIPAA §164.312(a)(2)(iv) and PCI-DSS v4.0 req. 3.5 expect stored sensitive data to be encrypted.",
      "encryptionAtRestPlan",
      "yes",
    ),
};
