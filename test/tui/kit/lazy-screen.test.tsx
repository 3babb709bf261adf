import { rmSync } from "node:fs";
import { render } from "ink-testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App } from "../../../src/tui/app.js";
import { frameFits, resizeStdout, waitForFrame, waitUntil } from "../../helpers/ink.js";
import { tempDir } from "../../helpers/temp-dir.js";

// No preloading here: each screen's module is still unloaded when its test opens it.
let dir: string;
beforeEach(() => {
  dir = tempDir("lazy-screen");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a screen opened before its module has loaded", () => {
  it("shows a loading frame with the screen's name, sized to the terminal", async () => {
    const r = render(<App start={{ screen: "schema-diff" }} onDone={() => {}} />);
    resizeStdout(r.stdout, 60, 16);
    await waitUntil(
      () => frameFits(r.lastFrame() ?? "", 60, 16).fits,
      "the loading frame at 60x16",
    );
    const loading = r.lastFrame() ?? "";
    expect(loading).toContain("senior-backend · schema-diff");
    expect(loading).toContain("loading…");
    r.unmount();
  });

  it("keeps a burst of keys typed while it loads, and gives them to the screen in order", async () => {
    const r = render(
      <App start={{ screen: "grill", params: { transcriptDir: dir } }} onDone={() => {}} />,
    );
    resizeStdout(r.stdout, 100, 30);
    // Typed at once, before the grill screen exists: the answers to question 1.
    r.stdin.write("20\r50\r");
    const next = await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy", 15_000);
    expect(next).toContain("Recommended:");
    r.unmount();
  });
});
