import { join } from "node:path";
import { render } from "ink-testing-library";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import { repoRoot } from "../../../helpers/cli.js";
import { frameFits, press, resizeStdout, waitForFrame } from "../../../helpers/ink.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["database", "schema-diff", "migrations"]));

const V1 = join(repoRoot, "snapshots/demo/v1.sql");
const V2 = join(repoRoot, "snapshots/demo/v2.sql");
const ENTER = "\r";

function start(columns = 80, rows = 24) {
  const onDone = vi.fn();
  const r = render(<App start={{ screen: "database" }} onDone={onDone} />);
  resizeStdout(r.stdout, columns, rows);
  return { ...r, onDone };
}

describe("database screen", () => {
  it("is on the home menu and opens from it", async () => {
    const r = render(<App onDone={() => {}} />);
    await waitForFrame(r.lastFrame, "Database — analyze, compare and migrate");
    // One burst: down to Database and Enter.
    r.stdin.write("jjjjj\r");
    await waitForFrame(r.lastFrame, "What do you want to do with a database?");
    r.unmount();
  });

  it("analyzes a schema file and shows each finding with the SQL that fixes it, at 60x20", async () => {
    const r = start(60, 20);
    await waitForFrame(r.lastFrame, "Analyze a database");
    r.stdin.write(`${ENTER}${V2}${ENTER}`);
    const results = await waitForFrame(r.lastFrame, /\d+ errors · \d+ warnings/, 30_000);
    expect(results).toContain("schema only");
    const fix = await press(r, ["\t", "j", "j", "j"], "Fix");
    expect(fix).toMatch(/ALTER TABLE|CREATE INDEX/);
    expect(frameFits(r.lastFrame() ?? "", 60, 20).fits).toBe(true);
    // Esc goes back to the form, which keeps what was typed.
    await press(r, "\u001b", "Enter starts");
    expect(r.lastFrame()).toContain("v2.sql");
    r.unmount();
  });

  it("compares two schemas in the schema-diff browser", async () => {
    const r = start();
    await waitForFrame(r.lastFrame, "Analyze a database");
    r.stdin.write(`j${ENTER}${V1}\t${V2}${ENTER}${ENTER}`);
    await waitForFrame(r.lastFrame, "senior-backend · schema diff", 10_000);
    await waitForFrame(r.lastFrame, /Changes \d+/, 30_000);
    r.unmount();
  });

  it("asks for both sides of a comparison", async () => {
    const r = start();
    await waitForFrame(r.lastFrame, "Analyze a database");
    await press(r, ["j", ENTER, ENTER, ENTER, ENTER], "give both sides");
    r.unmount();
  });
});
