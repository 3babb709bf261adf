import { afterEach, expect, it } from "vitest";
import { DECIDE_EXAMPLE } from "../helpers/decide-example.js";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

describeInTmux("decision screen in a real terminal", () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it("decide --tui opens the ranked profiles at 80x24, navigates, and prints the summary on q", async () => {
    session = new TmuxSession([...DECIDE_EXAMPLE, "--tui"], { columns: 80, rows: 24 });
    const first = await session.waitFor("[Profiles]");
    expect(first).toContain("senior-backend · decision");
    expect(first).toContain("recommended: node-express 100.0");
    expect(first).toContain("recommended — node-express");
    expect(first).toContain("› node-express");
    expect(first).toContain("q quit");
    for (const line of first.split("\n")) expect(line.length).toBeLessThanOrEqual(80);

    session.send("Down");
    await session.waitFor("› fastapi-python");
    await session.waitFor("Fit: fastapi-python (2/4, ruled out)");
    session.send("Tab");
    await session.waitFor("[fastapi-python · Status: recommended]");
    session.type("]");
    await session.waitFor("[fastapi-python · Kill criteria]");
    session.type("]");
    session.type("]");
    await session.waitFor("[fastapi-python · Stack]");
    session.type("?");
    await session.waitFor("Help — decision");
    session.send("Escape");
    await session.waitFor("[fastapi-python · Stack]");
    session.type("q");
    const end = await session.waitFor("[exit 0]");
    expect(end).toContain("decide: recommended — best fit node-express (fit 100.0/100)");
    expect(end).toContain("kill criteria: none tripped");
  });

  it("decide --tui --strict leaves with exit 1 when a kill criterion tripped", async () => {
    session = new TmuxSession(
      [...DECIDE_EXAMPLE, "--interaction-style", "event-driven", "--tui", "--strict"],
      { columns: 80, rows: 24 },
    );
    await session.waitFor("1 kill criterion tripped");
    session.type("q");
    await session.waitFor(/\[exit \d+\]/);
    expect(session.exitCode()).toBe(1);
  });
});
