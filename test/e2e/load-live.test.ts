import { afterEach, expect, it } from "vitest";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

/** Rows of the latency and req/s charts (asciichart's axis glyphs). */
const chartRows = (screen: string) => screen.split("\n").filter((l) => /[┤┼]/.test(l));

describeInTmux("load live view in a real terminal", () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it("fills 100 columns within seconds, survives a burst of keys and a resize to 80x24", async () => {
    session = new TmuxSession(
      ["load", "--demo", "--duration", "30", "--workers", "1", "--fail-on", "p99>60ms"],
      { columns: 100, rows: 30 },
    );
    const live = await session.waitFor(/req\/s [1-9][\s\S]*latency histogram/, 15_000);
    expect(live).toMatch(/latency ━ p99 ━ p90 ━ p50 ╌ p99>60ms/);
    const widest = Math.max(...chartRows(live).map((r) => r.trimEnd().length));
    expect(widest).toBeGreaterThanOrEqual(95);
    expect(live).toMatch(/errors [\d,]+ \([\d.]+%\) +in flight \d+ +elapsed [\d.]+ s +remaining/);
    // A burst: zoom in and out, help on and off, scroll keys and a stray key, all at once
    // (no Escape: followed at once by a letter, a terminal reads it as Alt+letter).
    session.send("+");
    for (const key of ["+", "-", "-", "?", "j", "?", "k", "x", "+"]) session.send(key);
    await session.waitFor("window 120 s", 5_000);
    session.resize(80, 24);
    const small = await session.waitFor(/window 120 s[\s\S]*q stop & quit/, 5_000);
    const lines = small.replace(/\n+$/, "").split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(Math.max(...lines.map((l) => l.trimEnd().length))).toBeLessThanOrEqual(80);
    expect(chartRows(small).length).toBeGreaterThanOrEqual(5);
    expect(small).toMatch(/p99 [\d.]+ m?s/);
    session.send("C-c");
    await session.waitFor(/\(stopped\s+early\)/, 10_000);
    session.type("q");
    const after = await session.waitFor("[exit 130]", 10_000);
    expect(after).not.toContain("q stop & quit");
  });
});
