import { afterEach, expect, it } from "vitest";
import { type LocalServer, weakServer } from "../helpers/audit-servers.js";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

describeInTmux("audit results screen in a real terminal", () => {
  let session: TmuxSession | undefined;
  let server: LocalServer | undefined;
  afterEach(async () => {
    session?.kill();
    await server?.close();
  });

  it("audits a weak server at 80x24, moves through findings and prints the report on q", async () => {
    server = await weakServer();
    session = new TmuxSession(
      ["audit", server.url, "--spec", "test/fixtures/audit/users.openapi.yaml", "--burst", "10"],
      {
        columns: 80,
        rows: 24,
      },
    );
    const screen = await session.waitFor(/\d+ errors · \d+ warnings/, 15_000);
    expect(screen).toContain("senior-backend · audit");
    expect(screen).toMatch(/› ✖ /);
    session.type("j");
    // The selection glyph moved from the first finding to the second.
    await session.waitFor(/audit .*\n {2}✖ .*\n› /);
    session.send("Tab");
    session.type("j");
    session.type("q");
    const after = await session.waitFor("[exit 1]");
    expect(after).toMatch(/error\(s\), \d+ warning\(s\)/);
    expect(after).toContain("fails --fail-on error");
  });
});
