import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

describeInTmux("schema-diff browser in a real terminal", () => {
  let session: TmuxSession | undefined;
  let cwd: string | undefined;
  afterEach(() => {
    session?.kill();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it("opens the bundled demo diff, shows a hazard, writes the migration and quits with 0", async () => {
    cwd = tempDir("e2e-schema-diff");
    session = new TmuxSession(["db"], { columns: 100, rows: 30, cwd });
    await session.waitFor(/Changes \d+/, 60_000);
    await session.waitFor("public schema");
    // Step through the changes until the detail pane shows a hazard (bounded by the number of changes).
    let screen = session.screen();
    for (
      let i = 0;
      i < 40 &&
      !/! (data-loss|table-rewrite|access-exclusive-lock|index-build|validation-scan|irreversible|rename)/.test(
        screen,
      );
      i++
    ) {
      session.type("n");
      await new Promise((r) => setTimeout(r, 150));
      screen = session.screen();
    }
    expect(screen).toMatch(
      /! (data-loss|table-rewrite|access-exclusive-lock|index-build|validation-scan|irreversible|rename)/,
    );
    session.type("w");
    await session.waitFor("press w again");
    session.type("w");
    await session.waitFor("wrote migrations/");
    const files = readdirSync(join(cwd, "migrations"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{14}_.*\.sql$/);
    expect(existsSync(join(cwd, "migrations", files[0] ?? ""))).toBe(true);
    session.type("q");
    const end = await session.waitFor("[exit 0]");
    expect(end).toContain("schema diff:");
  });
});
