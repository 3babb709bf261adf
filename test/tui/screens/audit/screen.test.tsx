import { render } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import { type LocalServer, weakServer } from "../../../helpers/audit-servers.js";
import { frameFits, press, resizeStdout, waitForFrame } from "../../../helpers/ink.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["audit"]));

const DOWN = "\u001b[B";

describe("audit screen", () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it("runs the audit, lists findings errors first, shows the detail and fits 80x24", async () => {
    server = await weakServer();
    const onDone = vi.fn();
    const r = render(
      <App
        start={{
          screen: "audit",
          params: { options: { target: server.url, burst: 5, maxRequests: 100, timeoutMs: 5_000 } },
        }}
        onDone={onDone}
      />,
    );
    resizeStdout(r.stdout, 80, 24);
    const frame = await waitForFrame(r.lastFrame, /errors · \d+ warnings/, 10_000);
    expect(frame).toContain("› ✖");
    expect(frame).toContain("request");
    expect(frame).toContain("fix");
    expect(frameFits(frame, 80, 24)).toMatchObject({ fits: true });
    const firstTitle = /› ✖ (.+)/.exec(frame)?.[1]?.trim();
    await press(r, DOWN);
    expect(/› . (.+)/.exec(r.lastFrame() ?? "")?.[1]?.trim()).not.toBe(firstTitle);
    r.stdin.write("q");
    await vi.waitFor(
      () =>
        expect(onDone).toHaveBeenCalledWith(
          expect.objectContaining({ exitCode: 1, summary: expect.stringContaining("audit of") }),
        ),
      { timeout: 5_000 },
    );
  });

  it("says the run is incomplete when the request budget cuts it short, and fails the gate", async () => {
    server = await weakServer();
    const onDone = vi.fn();
    const r = render(
      <App
        start={{
          screen: "audit",
          params: { options: { target: server.url, burst: 5, maxRequests: 6, timeoutMs: 5_000 } },
        }}
        onDone={onDone}
      />,
    );
    resizeStdout(r.stdout, 80, 24);
    const frame = await waitForFrame(r.lastFrame, /Incomplete \(request budget used up\)/, 10_000);
    expect(frameFits(frame, 80, 24)).toMatchObject({ fits: true });
    r.stdin.write("q");
    await vi.waitFor(
      () =>
        expect(onDone).toHaveBeenCalledWith(
          expect.objectContaining({
            exitCode: 1,
            summary: expect.stringContaining("incomplete: "),
          }),
        ),
      { timeout: 5_000 },
    );
  });

  it("asks for a URL when opened from the home menu and refuses a bad one", async () => {
    const r = render(<App start={{ screen: "audit" }} onDone={() => {}} />);
    await waitForFrame(r.lastFrame, "URL");
    await press(r, "ftp://x");
    r.stdin.write("\r");
    await waitForFrame(r.lastFrame, "only http and https URLs can be audited");
    r.unmount();
  });

  it("Tab moves from the URL to the spec field, which is then used", async () => {
    const r = render(<App start={{ screen: "audit" }} onDone={() => {}} />);
    await waitForFrame(r.lastFrame, "URL");
    await press(r, "http://127.0.0.1:9");
    await press(r, "\t");
    await press(r, "no-such-spec.yaml", /spec\s+no-such-spec\.yaml/);
    r.stdin.write("\r");
    await waitForFrame(r.lastFrame, "spec not found");
    r.unmount();
  });
});
