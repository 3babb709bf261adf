import { teamSizeField, teamSizeWhy, yes } from "./follow-ups.js";
import { CANON } from "./question-bank.js";
import type { TurnDef } from "./turn-types.js";

/** Follow-up facts for question 5 (architecture): team, platform team, contexts, language, admin. */

export const TEAM_SIZE: TurnDef = {
  id: "team-size",
  question: 5,
  followUp: true,
  title: "Team size",
  text: "How many engineers will build and run it?",
  kind: "numbers",
  fields: [teamSizeField],
  canon: [...CANON.q5],
  killCriteria: [
    "microservices-without-prerequisites",
    "domain-bounded-services-without-platform-team",
    "event-driven-small-team",
  ],
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
  killCriteria: [
    "microservices-without-prerequisites",
    "domain-bounded-services-without-platform-team",
  ],
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
  killCriteria: [
    "microservices-without-prerequisites",
    "domain-bounded-services-without-platform-team",
  ],
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
