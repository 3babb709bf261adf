import { CANON } from "./question-bank.js";
import { isRegulated } from "./recommendations.js";
import type { NumberField, TurnDef } from "./turn-types.js";

/**
 * The follow-up facts the kill criteria and the decision engine need, each asked as its own turn
 * and only when it applies.
 */

const teamSizeField: NumberField = {
  key: "teamSize",
  kind: "number",
  label: "Engineers who will build and run it",
  min: 1,
  max: 100_000,
  integer: true,
};

const teamSizeWhy =
  "Team size decides how many moving parts you can own; Conway's law ties architecture to team structure (Team Topologies).";

const yes = (answer: string, why: string, key: string, value: "yes" | "no") => ({
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

export const TEAM_SIZE: TurnDef = {
  id: "team-size",
  question: 5,
  followUp: true,
  title: "Team size",
  text: "How many engineers will build and run it?",
  kind: "numbers",
  fields: [teamSizeField],
  canon: [...CANON.q5],
  killCriteria: ["microservices-without-prerequisites", "event-driven-small-team"],
  applies: (_a, answered) => !answered.has("team-size-events"),
  recommend: () => ({
    answer: "The number of engineers today, not the hiring plan",
    why: teamSizeWhy,
  }),
};

export const PLATFORM_TEAM: TurnDef = {
  id: "platform-team",
  question: 5,
  followUp: true,
  title: "Platform team",
  text: "Is there a platform team that runs deployment, observability and infrastructure for you?",
  kind: "choice",
  fields: [
    {
      key: "platformTeam",
      kind: "yesno",
      label: "Platform team",
      yes: "Yes",
      no: "No",
      default: false,
    },
  ],
  canon: [...CANON.q5],
  killCriteria: ["microservices-without-prerequisites"],
  recommend: () =>
    yes(
      "Answer what exists today",
      "Services need a paved road (CI/CD, tracing, service templates); without a platform team every stream team builds its own (Team Topologies).",
      "platformTeam",
      "no",
    ),
};

export const BOUNDED_CONTEXTS: TurnDef = {
  id: "bounded-contexts",
  question: 5,
  followUp: true,
  title: "Bounded contexts",
  text: "Do the proposed services map to independent bounded contexts (each owns its data and deploys alone)?",
  kind: "choice",
  fields: [
    {
      key: "independentBoundedContexts",
      kind: "yesno",
      label: "Independent bounded contexts",
      yes: "Yes, each service owns its data and deploys alone",
      no: "No, they share data or release together",
      default: false,
    },
  ],
  canon: [...CANON.q5],
  killCriteria: ["microservices-without-prerequisites"],
  applies: (a) => a.pattern === "microservices" || a.pattern === "domain-bounded-services",
  recommend: () =>
    yes(
      "Yes only if no two services share tables or release together",
      "Services cut across bounded contexts become a distributed monolith (Newman ch. 2, information hiding).",
      "independentBoundedContexts",
      "no",
    ),
};

export const LANGUAGE: TurnDef = {
  id: "language",
  question: 5,
  followUp: true,
  title: "Language",
  text: "Which language does the team know best?",
  kind: "choice",
  fields: [
    {
      key: "languagePreference",
      kind: "choice",
      label: "Language",
      default: "none",
      none: "none",
      optional: true,
      options: [
        { value: "typescript", label: "TypeScript" },
        { value: "python", label: "Python" },
        { value: "go", label: "Go" },
        { value: "rust", label: "Rust" },
        { value: "java", label: "Java" },
        { value: "kotlin", label: "Kotlin" },
        { value: "dotnet", label: ".NET (C#)" },
        { value: "none", label: "No preference" },
      ],
    },
  ],
  canon: [...CANON.q5],
  killCriteria: [],
  recommend: () => ({
    answer: "The language the team already ships in production",
    why: "A new service is not the place to learn a language; the team's fluency decides delivery speed more than benchmarks do.",
  }),
};

export const ADMIN_PANEL: TurnDef = {
  id: "admin-panel",
  question: 5,
  followUp: true,
  title: "Admin panel",
  text: "Does the service need a back-office admin panel for staff?",
  kind: "choice",
  fields: [
    {
      key: "needsAdminPanel",
      kind: "yesno",
      label: "Admin panel",
      yes: "Yes",
      no: "No",
      default: false,
      optional: true,
    },
  ],
  canon: [...CANON.q5],
  killCriteria: [],
  recommend: () =>
    yes(
      "Answer what staff need in the first year",
      "A generated admin (e.g. Django admin) saves weeks of CRUD screens when staff edit content.",
      "needsAdminPanel",
      "no",
    ),
};

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
