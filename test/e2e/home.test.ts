import { afterEach, expect, it } from "vitest";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

describeInTmux("full-screen app in a real terminal", () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it("opens the home screen at 80x24, shows help and quits with q", async () => {
    session = new TmuxSession([], { columns: 80, rows: 24 });
    const screen = await session.waitFor("q quit");
    expect(screen).toContain("senior-backend · home");
    session.type("?");
    await session.waitFor("Help — home");
    session.send("Escape");
    await session.waitFor("Pick a tool");
    session.type("q");
    await session.waitFor("[exit 0]");
  });
});
