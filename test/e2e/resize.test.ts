import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { DECIDE_EXAMPLE } from "../helpers/decide-example.js";
import { migrationsFixture } from "../helpers/migrations-e2e.js";
import type { TestDatabase } from "../helpers/pg.js";
import { tempDir } from "../helpers/temp-dir.js";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

/**
 * Every screen in a real terminal, resized while open: at 60x20 it is usable (the key bar keeps
 * its way out and help); below the minimum it says the size it needs and no key but q and Ctrl+C
 * reaches the hidden screen (`j j Enter` there changes nothing); back at 80x24 it is as it was.
 */
const V1 = join(repoRoot, "snapshots/demo/v1.sql");
const V2 = join(repoRoot, "snapshots/demo/v2.sql");

interface Case {
  name: string;
  args: () => string[];
  /** Keys (sent together) after the first frame, to reach the state checked. */
  setup?: string[];
  ready: string | RegExp;
  /** Shown as long as `j j Enter` did not reach the screen. */
  unchanged: RegExp;
  timeoutMs?: number;
  /** Environment of the program (a database URL). */
  env?: Record<string, string>;
}

const CASES: Case[] = [
  { name: "home", args: () => [], ready: "› Grill", unchanged: /› Grill/ },
  {
    name: "grill",
    args: () => ["grill", "--transcript-dir", tempDir("e2e-resize-grill")],
    setup: ["20", "Enter", "50", "Enter"],
    ready: "Question 2/7 · Tenancy",
    unchanged: /Question 2\/7 · Tenancy[\s\S]*› Shared multi-tenant/,
  },
  {
    name: "decide (transcript picker)",
    args: () => [],
    setup: ["j", "Enter"],
    ready: "senior-backend · decide",
    unchanged: /senior-backend · decide/,
  },
  {
    name: "decision",
    args: () => [...DECIDE_EXAMPLE, "--tui"],
    ready: "› node-express",
    unchanged: /› node-express/,
  },
  {
    name: "load (running)",
    args: () => ["load", "--demo", "--duration", "60", "--workers", "1"],
    ready: /200 ×\d+/,
    unchanged: /senior-backend · load[\s\S]*200 ×\d+/,
    timeoutMs: 15_000,
  },
  {
    name: "audit (form)",
    args: () => [],
    setup: ["j", "j", "j", "Enter"],
    ready: "senior-backend · audit",
    unchanged: /› URL\s+http:\/\/127\.0\.0\.1:3000/,
  },
  {
    name: "scaffold (form)",
    args: () => ["scaffold"],
    ready: "Framework",
    unchanged: /› Source\s+openapi\.yaml or postgres/,
  },
  {
    name: "database (menu)",
    args: () => [],
    setup: ["j", "j", "j", "j", "j", "Enter"],
    ready: "› Analyze a database",
    unchanged: /› Analyze a database/,
  },
  {
    name: "schema diff",
    args: () => ["db", "--from", V1, "--to", V2],
    ready: /Changes \d+/,
    unchanged: /› ▾ ~ public schema/,
    timeoutMs: 60_000,
  },
];

describeInTmux("every screen survives resizing in a real terminal", () => {
  let session: TmuxSession | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    session?.kill();
    session = undefined;
    await database?.drop();
    database = undefined;
  });

  /** Open at 80x24, reach the state, then 60x20, 40x12 (keys held back), and back to 80x24. */
  async function survivesResizing(c: Case) {
    session = new TmuxSession(c.args(), { columns: 80, rows: 24, env: c.env });
    const s = session;
    if (c.setup) {
      await s.waitFor("senior-backend ·", 20_000);
      s.keys(...c.setup);
    }
    const wide = await s.waitFor(c.ready, c.timeoutMs ?? 20_000);
    const keyBar = (screen: string) => screen.trimEnd().split("\n").at(-1) ?? "";
    const hadHelp = keyBar(wide).includes("? help");

    s.resize(60, 20);
    // Poll for the settled frame at the new size (Ink redraws once the app has laid out again).
    // The settled frame: the title on the first line, the key bar on the last.
    const small = await s.waitFor(
      /^senior-backend · [\s\S]*(q (quit|stop)|Ctrl\+C (quit|stop))[^\n]*\s*$/,
      20_000,
    );
    expect(small).toMatch(c.unchanged);
    expect(small).toMatch(/^senior-backend · /);
    if (hadHelp) expect(keyBar(small)).toContain("? help");
    expect(keyBar(small)).toMatch(/q (quit|stop)|Ctrl\+C (quit|stop)/);

    s.resize(40, 12);
    await s.waitFor("Terminal too small (40x12)", 20_000);
    await s.waitFor("needs at least 60x16");
    s.keys("j", "j", "Enter");
    // The keys have arrived (the app counts them) and did not act on the hidden screen.
    await s.waitFor("3 keys ignored while too small", 20_000);
    s.resize(80, 24);
    const after = await s.waitFor(c.ready, c.timeoutMs ?? 20_000);
    expect(after).toMatch(c.unchanged);
    expect(after).not.toContain("Terminal too small");
  }

  for (const c of CASES) {
    it(`${c.name}: usable at 60x20, holds keys back when too small, unchanged after`, () =>
      survivesResizing(c));
  }

  it("migrations (status): usable at 60x20, holds keys back when too small, unchanged after", async () => {
    const fx = await migrationsFixture(1);
    database = fx.database;
    await survivesResizing({
      name: "migrations (status)",
      args: () => [],
      env: { DATABASE_URL: fx.database.url },
      setup: ["j", "j", "j", "j", "j", "Enter", "j", "j", "Enter", "Enter", fx.dir, "Enter"],
      ready: "1 applied · 1 pending",
      // `j j Enter` reaching the screen would move the selection off the first row.
      unchanged: /› ✔ applied\s+20260101120000_accounts/,
    });
  });

  it("too small: q still quits", async () => {
    session = new TmuxSession([], { columns: 40, rows: 12 });
    await session.waitFor("Terminal too small (40x12)");
    session.keys("j", "q");
    await session.waitFor("[exit 0]");
  });
});
