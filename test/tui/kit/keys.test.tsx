import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Text } from "ink";
import { render } from "ink-testing-library";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../../src/tui/app.js";
import { fitKeys } from "../../../src/tui/kit/key-bar.js";
import { splitInput } from "../../../src/tui/kit/split-input.js";
import { useKeys } from "../../../src/tui/kit/use-keys.js";
import { wrap } from "../../../src/tui/screens/schema-diff/change-detail.js";
import { repoRoot } from "../../helpers/cli.js";
import { frameFits, press, resizeStdout, waitForFrame } from "../../helpers/ink.js";

const KEY = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** A control that counts `+` keys, rendered without the app around it. */
function Counter() {
  const [n, setN] = useState(0);
  useKeys((input) => input === "+" && setN((x) => x + 1));
  return <Text>count {n}</Text>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe("keys", () => {
  it("reach screens only through the app's key router (no other useInput in src/tui)", () => {
    const users = files(join(repoRoot, "src/tui"))
      .filter((f) => /import \{[^}]*\buseInput\b[^}]*\} from "ink"/.test(readFileSync(f, "utf8")))
      .map((f) => relative(repoRoot, f));
    expect(users.sort()).toEqual(["src/tui/kit/key-router.ts", "src/tui/kit/use-keys.ts"]);
  });

  it("splits a chunk into keys: Enter, Tab, Ctrl+letter, capitals", () => {
    const keys = splitInput("aB\r\t\u0015", KEY).map(([input, k]) => [
      input,
      k.return,
      k.tab,
      k.ctrl,
      k.shift,
    ]);
    expect(keys).toEqual([
      ["a", false, false, false, false],
      ["B", false, false, false, true],
      ["\r", true, false, false, false],
      ["\t", false, true, false, false],
      ["u", false, false, true, false],
    ]);
  });

  it("the key bar keeps ? and q at any width, dropping other hints from the right", () => {
    const keys = [
      { key: "↑↓", label: "move" },
      { key: "Enter/Esc", label: "open/close" },
      { key: "n/N", label: "next change" },
      { key: "/", label: "filter" },
      { key: "?", label: "help" },
      { key: "q", label: "quit" },
    ];
    expect(fitKeys(keys, 200).keys).toHaveLength(6);
    const narrow = fitKeys(keys, 40).keys.map((k) => k.key);
    expect(narrow).toContain("?");
    expect(narrow).toContain("q");
    expect(narrow.length).toBeLessThan(6);
  });

  it("wraps SQL at word boundaries, never inside a name", () => {
    const sql = "ALTER TABLE public.customers ADD COLUMN display_name text NOT NULL DEFAULT ''";
    for (const width of [30, 40, 45, 60]) {
      const lines = wrap(sql, width);
      expect(lines.join(" ").replace(/\s+/g, " ")).toBe(sql);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      expect(lines.some((l) => /display_name/.test(l))).toBe(true);
    }
  });

  it("below the minimum size only q and Ctrl+C act; the app says the size it needs", async () => {
    const r = render(<App onDone={() => {}} />);
    resizeStdout(r.stdout, 40, 12);
    await waitForFrame(r.lastFrame, "needs at least 60x16");
    r.stdin.write("jj\r");
    await press(r, "x");
    resizeStdout(r.stdout, 80, 24);
    const frame = await waitForFrame(r.lastFrame, "› Grill");
    expect(frame).not.toContain("senior-backend · load");
    expect(frameFits(frame, 80, 24).fits).toBe(true);
    r.unmount();
  });

  it("Ctrl+C while too small still leaves with 130", async () => {
    const onDone = vi.fn();
    const r = render(<App onDone={onDone} />);
    resizeStdout(r.stdout, 40, 12);
    await waitForFrame(r.lastFrame, "Terminal too small");
    r.stdin.write("\u0003");
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ exitCode: 130 }));
  });

  it("a control rendered alone (no app) still gets keys", async () => {
    const r = render(<Counter />);
    await press(r, "+", "count 1");
    r.unmount();
  });
});
