import { existsSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import { repoRoot } from "../../../helpers/cli.js";
import { frameFits, press, resizeStdout, waitForFrame } from "../../../helpers/ink.js";
import { tempDir } from "../../../helpers/temp-dir.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["scaffold"]));

const SPEC = join(repoRoot, "test/fixtures/openapi/petstore-3.0.yaml");
const ENTER = "\r";
const RIGHT = "\u001b[C";
const CTRL_U = "\u0015";

function start(columns = 80, rows = 24) {
  const onDone = vi.fn();
  const r = render(<App start={{ screen: "scaffold" }} onDone={onDone} />);
  resizeStdout(r.stdout, columns, rows);
  return { ...r, onDone };
}

describe("scaffold screen", () => {
  it("takes a spec, a framework and a folder, shows the files written and what to run next", async () => {
    const out = join(tempDir("scaffold-screen"), "api");
    const r = start();
    await waitForFrame(r.lastFrame, "Source");
    // One burst: the spec and Enter, → to fastify and Enter, clear the folder, type it, Enter.
    r.stdin.write(`${SPEC}${ENTER}${RIGHT}${ENTER}${CTRL_U}${out}${ENTER}`);
    const done = await waitForFrame(r.lastFrame, "route handler(s) for fastify", 15_000);
    expect(done).toContain("Files in");
    expect(done).toMatch(/written\s+app\.ts/);
    expect(existsSync(join(out, "server.ts"))).toBe(true);
    const next = await press(r, ["G", " ", " ", " "], "Next");
    expect(next).toContain("npm install fastify");
    expect(frameFits(r.lastFrame() ?? "", 80, 24).fits).toBe(true);
    r.stdin.write("q");
    await vi.waitFor(() => expect(r.onDone).toHaveBeenCalled());
    expect(r.onDone.mock.calls[0]![0].summary).toContain("route handlers");
  });

  it("refuses to start without a source and says what to give", async () => {
    const r = start(60, 20);
    await waitForFrame(r.lastFrame, "Source");
    await press(r, ["\t", "\t", ENTER], "give an OpenAPI spec file or a postgres:// database URL");
    expect(frameFits(r.lastFrame() ?? "", 60, 20).fits).toBe(true);
    r.unmount();
  });

  it("shows a spec that cannot be read as an error, and n goes back to the form", async () => {
    const r = start();
    await waitForFrame(r.lastFrame, "Source");
    r.stdin.write(`no-such-spec.yaml${ENTER}${ENTER}${ENTER}`);
    await waitForFrame(r.lastFrame, "error:", 10_000);
    await press(r, "n", "Source");
    expect(r.lastFrame()).toContain("no-such-spec.yaml");
    r.unmount();
  });
});
