import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../../../src/tui/app.js";
import { press, waitForFrame } from "../../../helpers/ink.js";

describe("home screen", () => {
  it("shows the key bar and opens help with ?", async () => {
    const { lastFrame, stdin, unmount } = render(<App onDone={() => {}} />);
    await waitForFrame(lastFrame, "q quit");
    stdin.write("?");
    await waitForFrame(lastFrame, "Help — home");
    await press({ stdin, lastFrame }, "?");
    expect(lastFrame()).not.toContain("Help — home");
    unmount();
  });

  it("quits with q and exit code 0", async () => {
    const onDone = vi.fn();
    const { lastFrame, stdin } = render(<App onDone={onDone} />);
    await waitForFrame(lastFrame, "q quit");
    stdin.write("q");
    await vi.waitFor(
      () => expect(onDone).toHaveBeenCalledWith({ exitCode: 0, summary: undefined }),
      { timeout: 5_000 },
    );
  });

  it("moves once per key even when keys arrive in one chunk, and opens the selected tool", async () => {
    const { lastFrame, stdin } = render(<App onDone={() => {}} />);
    await waitForFrame(lastFrame, "› Grill");
    stdin.write("jj");
    await waitForFrame(lastFrame, "› Load");
    stdin.write("\u001b[A");
    await waitForFrame(lastFrame, "› Decide");
    stdin.write("\r");
    await waitForFrame(lastFrame, "senior-backend · decide");
  });
});
