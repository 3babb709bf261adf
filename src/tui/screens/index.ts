import type { ScreenEntry } from "./registry.js";

export type { ScreenEntry } from "./registry.js";

/**
 * Every tool screen the app can show, in home-menu order (the home screen itself is wired in app.tsx).
 * Each tool adds its entry here. A screen's module is imported only when the screen is opened.
 */
// biome-ignore format: one screen per entry keeps concurrent additions apart
export const screens: ScreenEntry[] = [
  {
    id: "grill",
    title: "Grill — the seven forcing questions",
    description: "One question per turn with the recommended answer and its canon; a kill criterion stops the grill. Ends on the decision.",
    load: () => import("./grill/screen.js").then((m) => m.GrillScreen),
    inMenu: true,
  },
  {
    id: "decide",
    title: "Decide — rank the profiles for a saved grill",
    description: "Pick a grill transcript; see the best-fit profile, runner-up, kills, stack, anti-patterns, approvers and SLO floor.",
    load: () => import("./decide/screen.js").then((m) => m.DecideScreen),
    inMenu: true,
  },
  {
    id: "load",
    title: "Load — HTTP load test with live charts",
    description: "Latency percentiles (p50/p99) and requests/s charted live, status and error counters; try it on the built-in demo target.",
    load: () => import("./load/screen.js").then((m) => m.LoadScreen),
    inMenu: true,
  },
  {
    id: "audit",
    title: "Audit — probe a running API for the security basics",
    description: "Headers, CORS, rate limiting, input validation from the spec, error leakage, methods, cookies, auth.",
    load: () => import("./audit/screen.js").then((m) => m.AuditScreen),
    inMenu: true,
  },
  {
    id: "scaffold",
    title: "Scaffold — an API skeleton from a spec or a database",
    description: "An OpenAPI spec or a postgres:// URL, Express, Fastify or Koa, an output folder: typed routes, validation and handler stubs, then what to run next.",
    load: () => import("./scaffold/screen.js").then((m) => m.ScaffoldScreen),
    inMenu: true,
  },
  {
    id: "database",
    title: "Database — analyze, compare and migrate",
    description: "Findings with the SQL that fixes them; compare two schemas in the diff browser and write the up/down migration; migration status, dry run and apply, lint; a bundled demo.",
    load: () => import("./database/screen.js").then((m) => m.DatabaseScreen),
    inMenu: true,
  },
  {
    id: "schema-diff",
    title: "Schema diff — browse changes between two schemas",
    description: "A tree of added, removed and changed objects with their up/down SQL and hazards; opens on a bundled demo (embedded PostgreSQL, no server needed).",
    load: () => import("./schema-diff/screen.js").then((m) => m.SchemaDiffScreen),
    inMenu: false,
  },
  {
    id: "migrations",
    title: "Migrations — status, dry run and apply, lint",
    description: "A migrations folder against a database: applied, pending, partially applied, drifted and missing files; a dry run, then apply; lint findings with their rule pages.",
    load: () => import("./migrations/screen.js").then((m) => m.MigrationsScreen),
    inMenu: false,
  },
  {
    id: "decision",
    title: "Decision — ranked profiles for a set of answers",
    description: "Fit bars, matched and violated constraints, kills, stack, anti-patterns, approvers and the SLO floor.",
    load: () => import("./decide/decision-screen.js").then((m) => m.DecisionScreen),
    inMenu: false,
  },
];

export function findScreen(id: string): ScreenEntry | undefined {
  return screens.find((s) => s.id === id);
}
