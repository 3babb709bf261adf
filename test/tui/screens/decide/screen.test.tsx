import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import { runCli } from "../../../helpers/cli.js";
import { press, waitForFrame } from "../../../helpers/ink.js";
import { tempDir } from "../../../helpers/temp-dir.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["decide", "decision"]));

const ESC = "\u001b";

let empty: string;
let withOne: string;
let transcript: string;
beforeAll(async () => {
  empty = tempDir("decide-empty");
  withOne = tempDir("decide-one");
  const run = await runCli([
    "grill",
    "--answers",
    "examples/answers.yaml",
    "--transcript-dir",
    withOne,
    "--json",
  ]);
  expect(run.code).toBe(0);
  transcript = join(withOne, (await readdir(withOne))[0]!);
});
afterAll(async () => {
  await rm(empty, { recursive: true, force: true });
  await rm(withOne, { recursive: true, force: true });
});

describe("decide screen (home menu)", () => {
  it("is on the home menu", async () => {
    const { lastFrame, unmount } = render(<App onDone={() => {}} />);
    await waitForFrame(lastFrame, "Decide — rank the profiles for a saved grill");
    unmount();
  });

  it("says how to make a transcript when there is none", async () => {
    const { lastFrame, unmount } = render(
      <App start={{ screen: "decide", params: { dir: empty } }} onDone={() => {}} />,
    );
    const frame = await waitForFrame(lastFrame, "No grill transcripts");
    expect(frame).toContain("senior-backend grill --answers");
    unmount();
  });

  it("lists a transcript and opens the decision for it; Esc comes back", async () => {
    const { lastFrame, stdin, unmount } = render(
      <App start={{ screen: "decide", params: { dir: withOne } }} onDone={() => {}} />,
    );
    const list = await waitForFrame(lastFrame, "complete");
    expect(list).toContain(`› ${transcript.match(/\d{4}-\d{2}-\d{2}/)![0]}`);
    expect(list).toContain(transcript);
    stdin.write("\r");
    const decision = await waitForFrame(lastFrame, "[Profiles]");
    expect(decision).toContain("recommended: node-express");
    expect(decision).toContain(transcript.slice(0, 20));
    await press({ stdin, lastFrame }, ESC);
    await waitForFrame(lastFrame, "Transcripts, newest first");
    unmount();
  });
});
