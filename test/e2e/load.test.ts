import { afterEach, expect, it } from "vitest";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

describeInTmux("load --demo in a real terminal", () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it("charts the run live at 80x24, keeps the summary and prints it after leaving", async () => {
    session = new TmuxSession(["load", "--demo", "--duration", "3", "--workers", "1"], {
      columns: 80,
      rows: 24,
    });
    const live = await session.waitFor(/requests\/s[\s\S]*200 ×\d+/, 15_000);
    expect(live).toContain("senior-backend · load");
    expect(live).toMatch(/latency ━ p99 ━ p90 ━ p50/);
    expect(live).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/demo · 10 connections/);
    expect(live).toContain("q stop & quit");
    await session.waitFor("(no gates set)", 15_000);
    session.type("q");
    const after = await session.waitFor("[exit 0]", 10_000);
    // The summary's end is on the normal screen (its top may have scrolled past 24 rows).
    expect(after).toContain("✔ passed (no gates set)");
    expect(after).toContain("Little's law");
    expect(after).not.toContain("q stop & quit");
  });

  it("stops on Ctrl+C with the summary on screen, then leaves with 130", async () => {
    session = new TmuxSession(["load", "--demo", "--duration", "60", "--workers", "1"], {
      columns: 80,
      rows: 24,
    });
    await session.waitFor(/200 ×\d+/, 15_000);
    session.send("C-c");
    await session.waitFor(/\(stopped\s+early\)/, 10_000);
    session.type("q");
    const after = await session.waitFor("[exit 130]", 10_000);
    // tmux hard-wraps at 80 columns, so join the lines before looking for the words.
    expect(after.replace(/\n/g, "")).toContain("(stopped early)");
  });
});
