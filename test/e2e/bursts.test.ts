import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { readTranscript } from "../../src/engine/grill/index.js";
import { type LocalServer, weakServer } from "../helpers/audit-servers.js";
import { repoRoot } from "../helpers/cli.js";
import { DECIDE_EXAMPLE } from "../helpers/decide-example.js";
import { migrationsFixture } from "../helpers/migrations-e2e.js";
import type { TestDatabase } from "../helpers/pg.js";
import { tempDir } from "../helpers/temp-dir.js";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

/**
 * Every screen in a real terminal with keys sent in ONE tmux command (they reach the program in
 * one read, as fast typing, a paste or a slow link deliver them): each key must act, in order, on
 * what the previous key left.
 */
const V1 = join(repoRoot, "snapshots/demo/v1.sql");
const V2 = join(repoRoot, "snapshots/demo/v2.sql");

describeInTmux("bursts of keys in a real terminal", () => {
  let session: TmuxSession | undefined;
  let server: LocalServer | undefined;
  let database: TestDatabase | undefined;
  afterEach(async () => {
    session?.kill();
    session = undefined;
    await server?.close();
    server = undefined;
    await database?.drop();
    database = undefined;
  });

  it("home: `j j Enter` opens the third tool (Load)", async () => {
    session = new TmuxSession([], { columns: 80, rows: 24 });
    await session.waitFor("› Grill");
    session.keys("j", "j", "Enter");
    await session.waitFor("senior-backend · load");
    await session.waitFor("empty = built-in demo target");
  });

  it("home → decide → back → load: keys after a screen change act on the new screen", async () => {
    session = new TmuxSession([], { columns: 80, rows: 24 });
    await session.waitFor("› Grill");
    // Enter opens Decide, Escape comes back to the menu still on Decide, one j reaches Load.
    session.keys("j", "Enter", "Escape", "j", "Enter");
    await session.waitFor("empty = built-in demo target");
  });

  it("grill: `Down Enter` picks the row moved to, `Escape Escape` keeps every answer", async () => {
    const dir = tempDir("e2e-burst-grill");
    session = new TmuxSession(["grill", "--transcript-dir", dir], { columns: 80, rows: 24 });
    const s = session;
    await s.waitFor("Question 1/7 · Load");
    s.keys("20", "Enter", "50", "Enter", "Down", "Enter", "Enter");
    await s.waitFor("follow-up: Interaction exceptions");
    const path = join(dir, readdirSync(dir)[0]!);
    expect((await readTranscript(path)).answers.tenancy).toBe("isolated-multi-tenant");
    s.keys("Escape", "Escape");
    const back = await s.waitFor("Question 2/7 · Tenancy");
    // The answer given before is pre-selected, and the later answer is still in the transcript.
    expect(back).toContain("› Isolated multi-tenant");
    expect((await readTranscript(path)).entries).toHaveLength(3);
    s.send("C-c");
    await s.waitFor("[exit 130]");
    expect((await readTranscript(path)).entries).toHaveLength(3);
  });

  it("grill: `j Enter` answers with the next choice", async () => {
    const dir = tempDir("e2e-burst-grill-j");
    session = new TmuxSession(["grill", "--transcript-dir", dir], { columns: 80, rows: 24 });
    await session.waitFor("Question 1/7 · Load");
    session.keys("20", "Enter", "50", "Enter");
    await session.waitFor("Question 2/7 · Tenancy");
    session.keys("j", "Enter");
    await session.waitFor("Question 3/7");
    const t = await readTranscript(join(dir, readdirSync(dir)[0]!));
    expect(t.answers.tenancy).toBe("isolated-multi-tenant");
  });

  it("grill: keys typed before the first question is drawn never answer it", async () => {
    const dir = tempDir("e2e-typeahead");
    session = new TmuxSession(["grill", "--transcript-dir", dir], { columns: 80, rows: 24 });
    // Sent at once, while the program is still starting.
    session.keys("20", "Enter", "50", "Enter", "Enter");
    const first = await session.waitFor("Question 1/7 · Load");
    expect(first).not.toContain("Question 2/7");
    // Still on question 1 once the app has settled, with nothing written.
    await session.waitFor("Reads per write");
    expect(session.screen()).toContain("Question 1/7 · Load");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("decision: `Down Tab ] ]` sent at once ends where the same keys sent one by one end", async () => {
    session = new TmuxSession([...DECIDE_EXAMPLE, "--tui"], { columns: 80, rows: 24 });
    const s = session;
    await s.waitFor("› node-express");
    s.keys("Down", "Tab", "]", "]");
    const section = (screen: string) => /\[fastapi-python · ([^\]…(]+)/.exec(screen)?.[1]?.trim();
    await s.waitFor("[fastapi-python · ");
    const burst = section(await s.settle());
    // Walk back and forward again one key at a time, waiting for each to show.
    let last = s.screen();
    for (const key of ["[", "[", "]", "]"]) {
      s.type(key);
      const before = last;
      for (let i = 0; i < 50 && last === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        last = s.screen();
      }
    }
    expect(burst).toBeTruthy();
    expect(section(last)).toBe(burst);
    expect(last).toContain("› fastapi-python");
  });

  it("load: the form filled and started in one burst, then `? Escape C-c` stops with the summary", async () => {
    session = new TmuxSession([], { columns: 80, rows: 24 });
    await session.waitFor("› Grill");
    session.keys("j", "j", "Enter", "Tab", "3", "Tab", "30", "Enter");
    await session.waitFor(/GET http:\/\/127\.0\.0\.1:\d+\/demo · 3 connections/, 15_000);
    await session.waitFor(/200 ×\d+/, 15_000);
    session.keys("?", "Escape", "C-c");
    await session.waitFor(/\(stopped\s+early\)/, 10_000);
  });

  it("audit: URL and Enter in one burst, then `j Tab j q` leaves with the report", async () => {
    server = await weakServer();
    session = new TmuxSession([], { columns: 80, rows: 24 });
    await session.waitFor("› Grill");
    session.keys("j", "j", "j", "Enter", server.url, "Enter");
    await session.waitFor(/\d+ errors · \d+ warnings/, 20_000);
    session.keys("j", "Tab", "j", "q");
    const after = await session.waitFor(/\[exit \d\]/);
    expect(after).toMatch(/error\(s\), \d+ warning\(s\)/);
  });

  it("scaffold: spec, framework, folder and Enter in one burst write the files", async () => {
    const out = join(tempDir("e2e-burst-scaffold"), "api");
    session = new TmuxSession(["scaffold"], { columns: 80, rows: 24 });
    await session.waitFor("Framework");
    const spec = join(repoRoot, "test/fixtures/openapi/petstore-3.0.yaml");
    session.keys(spec, "Enter", "Right", "Enter", "C-u", out, "Enter");
    await session.waitFor("route handler(s) for fastify", 20_000);
    expect(readFileSync(join(out, "app.ts"), "utf8")).toContain("fastify");
  });

  it("database: task, file and Enter in one burst analyze it", async () => {
    session = new TmuxSession([], { columns: 80, rows: 24 });
    await session.waitFor("› Grill");
    session.keys("j", "j", "j", "j", "j", "Enter", "Enter", V2, "Enter");
    await session.waitFor(/\d+ errors · \d+ warnings/, 60_000);
    session.keys("Tab", "j");
    await session.waitFor("Fix");
  });

  it("migrations: menu, blank connection (DATABASE_URL), folder and Enter in one burst; `a y` applies nothing until y is pressed on the dry run", async () => {
    const fx = await migrationsFixture(0);
    database = fx.database;
    session = new TmuxSession([], {
      columns: 80,
      rows: 24,
      env: { DATABASE_URL: fx.database.url },
    });
    const s = session;
    await s.waitFor("› Grill");
    s.keys("j", "j", "j", "j", "j", "Enter", "j", "j", "Enter", "Enter", fx.dir, "Enter");
    await s.waitFor("0 applied · 2 pending", 20_000);
    // Down to the second file and lint it, back, then ask for a dry run and "confirm" at once.
    s.keys("j", "l");
    await s.waitFor("[non-concurrent-index]", 20_000);
    s.keys("Escape", "a", "y");
    await s.waitFor("Nothing was kept", 20_000);
    expect(await fx.exists("public.account")).toBe(false);
    s.keys("y");
    await s.waitFor(/applied 2 migration\(s\)/, 20_000);
    expect(await fx.exists("public.account_email_idx")).toBe(true);
    s.keys("Escape");
    await s.waitFor("2 applied · 0 pending");
  });

  it("schema diff: `/ e m a i l Enter` finds an unchanged column", async () => {
    session = new TmuxSession(["db", "--from", V1, "--to", V2], { columns: 80, rows: 24 });
    await session.waitFor(/Changes \d+/, 60_000);
    session.keys("/", "e", "m", "a", "i", "l", "Enter");
    await session.waitFor(/email\s+column/);
  });

  it("schema diff: Ctrl+C as soon as the screen is drawn stops loading; a second leaves with 130", async () => {
    session = new TmuxSession(["db", "--from", V1, "--to", V2], { columns: 80, rows: 24 });
    await session.waitFor("senior-backend · schema diff", 20_000);
    session.send("C-c");
    await session.waitFor("loading stopped (Ctrl+C)", 20_000);
    session.send("C-c");
    await session.waitFor("[exit 130]", 10_000);
  });
});
