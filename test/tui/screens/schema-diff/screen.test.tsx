import type { EventEmitter } from "node:events";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer, type Socket } from "node:net";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../../../../src/tui/app.js";
import { type Navigator, NavigatorContext } from "../../../../src/tui/navigation.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import {
  type SchemaDiffParams,
  SchemaDiffScreen,
} from "../../../../src/tui/screens/schema-diff/screen.js";
import { repoRoot } from "../../../helpers/cli.js";
import { frameChange, press, waitForFrame } from "../../../helpers/ink.js";
import { demoChanges } from "../../../helpers/schema-diff-fixture.js";
import { tempDir } from "../../../helpers/temp-dir.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["schema-diff"]));

function fakeNav() {
  const back = vi.fn();
  const quit = vi.fn();
  const nav: Navigator = { open: vi.fn(), back, quit, setSummary: vi.fn(), onInterrupt: vi.fn() };
  return { nav, back, quit };
}

/** Render the screen in a terminal of the given size. */
async function renderScreen(params: SchemaDiffParams, size = { columns: 120, rows: 40 }) {
  const { nav, back, quit } = fakeNav();
  const r = render(
    <NavigatorContext.Provider value={nav}>
      <SchemaDiffScreen nav={nav} params={params} />
    </NavigatorContext.Provider>,
  );
  const before = r.lastFrame();
  resize(r.stdout as unknown as EventEmitter, size.columns, size.rows);
  await frameChange(r, before); // let the resize render before the first look
  return { ...r, nav: { back, quit } };
}

function resize(stdout: EventEmitter, columns: number, rows: number) {
  Object.defineProperty(stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}

/** The tree pane of a 120-column frame (the left 40 %). */
function treePane(frame: string): string {
  return frame
    .split("\n")
    .map((line) => line.slice(0, 48))
    .join("\n");
}

async function waitForTree(
  lastFrame: () => string | undefined,
  match: string | RegExp,
  timeoutMs = 3_000,
) {
  return treePane(await waitForFrame(() => treePane(lastFrame() ?? ""), match, timeoutMs));
}

const ESC = "\u001b";
const DOWN = "\u001b[B";
const TAB = "\t";

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("schema-diff screen", () => {
  it("shows the schema with its change count and marks each kind of change", async () => {
    const { lastFrame, stdin, unmount } = await renderScreen({ changes: demoChanges });
    let frame = await waitForTree(lastFrame, "public");
    expect(frame).toContain("Changes 9");
    expect(frame).toMatch(/› ▾ ~ public schema \(9\)/);
    expect(frame).toMatch(/~ order_status enum/);
    expect(frame).toMatch(/~ customers table \(2\)/);
    expect(frame).toMatch(/~ products table \(2\)/);
    expect(frame).toMatch(/\+ reviews table\s*$/m);
    expect(frame).toMatch(/\+ touch_updated_at\(\) function/);
    // Open customers: a renamed and an added column.
    await press({ stdin, lastFrame }, DOWN);
    await press({ stdin, lastFrame }, DOWN);
    stdin.write("\r");
    frame = await waitForTree(lastFrame, "marketing_opt_in");
    expect(frame).toMatch(/→ display_name column !/);
    expect(frame).toMatch(/\+ marketing_opt_in column/);
    unmount();
  });

  it("jumps between changes with n and N and shows statements and hazards in the detail pane", async () => {
    const { lastFrame, stdin, unmount } = await renderScreen({ changes: demoChanges });
    await waitForFrame(lastFrame, "public");
    stdin.write("n");
    let frame = await waitForFrame(lastFrame, "~ enum public.order_status");
    expect(frame).toContain("ADD VALUE 'cancelled'");
    expect(frame).toContain("! irreversible: PostgreSQL cannot drop an enum value");
    stdin.write("n");
    frame = await waitForFrame(lastFrame, "→ column public.customers.display_name");
    expect(frame).toContain("before");
    expect(frame).toContain("full_name text NOT NULL");
    expect(frame).toContain("RENAME COLUMN full_name TO");
    for (let i = 0; i < 3; i++) {
      await press({ stdin, lastFrame }, "n");
    }
    frame = await waitForFrame(lastFrame, "- column public.products.legacy_code");
    expect(frame).toContain("DROP COLUMN legacy_code");
    expect(frame).toContain("! data-loss: drops the data in products.legacy_code");
    expect(frame).toContain("! access-exclusive-lock");
    stdin.write("N");
    await waitForFrame(lastFrame, "+ index public.orders.orders_customer_id_idx");
    unmount();
  });

  it("wraps N around from the top and shows a transaction-free index build", async () => {
    const { lastFrame, stdin, unmount } = await renderScreen({ changes: demoChanges });
    await waitForFrame(lastFrame, "public");
    stdin.write("N");
    await waitForFrame(lastFrame, "+ function public.touch_updated_at()");
    await press({ stdin, lastFrame }, "/");
    for (const ch of "customer_id") {
      await press({ stdin, lastFrame }, ch);
    }
    stdin.write("\r");
    const frame = await waitForTree(lastFrame, "orders_customer_id_idx");
    expect(frame).toContain("/customer_id");
    expect(frame).not.toContain("legacy_code");
    expect(frame).not.toContain("reviews");
    stdin.write("n");
    const detail = await waitForFrame(lastFrame, "+ index public.orders.orders_customer_id_idx");
    expect(detail).toContain("runs outside a transaction block");
    expect(detail).toContain("! index-build");
    unmount();
  });

  it("filters by name with / and clears the filter with Esc", async () => {
    const { lastFrame, stdin, unmount, nav } = await renderScreen({ changes: demoChanges });
    await waitForFrame(lastFrame, "public");
    stdin.write("/");
    await waitForFrame(lastFrame, "filter: type a name");
    for (const ch of "legacy") {
      await press({ stdin, lastFrame }, ch);
    }
    let frame = await waitForTree(lastFrame, "legacy_code column");
    expect(frame).toContain("products table");
    expect(frame).not.toContain("customers table");
    expect(frame).not.toContain("order_status");
    await press({ stdin, lastFrame }, ESC);
    frame = await waitForTree(lastFrame, /Changes 9\s*$/m);
    expect(frame).not.toContain("/legacy");
    expect(frame).not.toContain("legacy_code column");
    // Enter keeps a filter; Esc afterwards clears it before leaving the screen.
    await press({ stdin, lastFrame }, "/");
    await press({ stdin, lastFrame }, "zzz");
    stdin.write("\r");
    await waitForFrame(lastFrame, 'nothing matches "zzz"');
    stdin.write(ESC);
    await waitForTree(lastFrame, /▾ ~ public schema/);
    stdin.write(ESC);
    await waitForTree(lastFrame, /▸ ~ public schema/);
    expect(nav.back).not.toHaveBeenCalled();
    stdin.write(ESC);
    await vi.waitFor(() => expect(nav.back).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    unmount();
  });

  it("opens with Enter, closes with Esc and goes to the parent", async () => {
    const { lastFrame, stdin, unmount, nav } = await renderScreen({ changes: demoChanges });
    await waitForTree(lastFrame, "order_status"); // schemas start open
    await press({ stdin, lastFrame }, "j");
    stdin.write("j");
    await waitForFrame(lastFrame, "~ table public.customers");
    stdin.write("\r");
    await waitForTree(lastFrame, "display_name");
    stdin.write("\r"); // already open: Enter goes to the first child
    await waitForFrame(lastFrame, "→ column public.customers.display_name");
    stdin.write(ESC); // a leaf: Esc goes to the parent
    let frame = await waitForFrame(lastFrame, "~ table public.customers");
    expect(frame).toContain("2 changes below");
    stdin.write(ESC); // open parent: Esc closes it
    frame = await waitForTree(lastFrame, "▸ ~ customers table (2)");
    expect(frame).not.toContain("display_name");
    stdin.write(ESC); // closed: Esc goes to the parent
    await waitForFrame(lastFrame, "~ schema public");
    stdin.write(ESC); // closes the schema
    await waitForTree(lastFrame, "▸ ~ public schema (9)");
    expect(nav.back).not.toHaveBeenCalled();
    stdin.write(ESC); // nothing left to close: leave the screen
    await vi.waitFor(() => expect(nav.back).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    unmount();
  });

  it("scrolls the detail pane after Tab and returns to the tree", async () => {
    const { lastFrame, stdin, unmount } = await renderScreen(
      { changes: demoChanges },
      { columns: 80, rows: 24 },
    );
    await waitForFrame(lastFrame, "public");
    for (let i = 0; i < 4; i++) {
      await press({ stdin, lastFrame }, "n");
    }
    await waitForFrame(lastFrame, /Detail\s+1-12\/\d+/);
    stdin.write(TAB);
    await waitForFrame(lastFrame, "› Detail");
    stdin.write("j");
    const frame = await waitForFrame(lastFrame, /Detail\s+2-13\/\d+/);
    expect(frame).not.toContain("- column public.products.legacy_code");
    stdin.write(TAB);
    await waitForFrame(lastFrame, /› Changes/);
    unmount();
  });

  it("fits 80x24: no line wider than 80 columns, at most 24 lines", async () => {
    const { lastFrame, stdin, unmount } = await renderScreen(
      { changes: demoChanges },
      { columns: 80, rows: 24 },
    );
    await waitForFrame(lastFrame, "public");
    const frames: string[] = [];
    stdin.write("\r");
    for (let i = 0; i < demoChanges.length; i++) {
      await press({ stdin, lastFrame }, "n");
      frames.push(lastFrame() ?? "");
    }
    stdin.write("?");
    frames.push(await waitForFrame(lastFrame, "Help — schema diff"));
    for (const frame of frames) {
      const lines = frame.split("\n");
      expect(lines.length).toBeLessThanOrEqual(24);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    }
    expect(frames.join("\n")).toContain("data-loss");
    unmount();
  });

  it("writes the migration with w into the output folder and shows the path", async () => {
    const dir = tempDir("schema-diff");
    tempDirs.push(dir);
    const { lastFrame, stdin, unmount, nav } = await renderScreen({
      changes: demoChanges,
      output: dir,
    });
    await waitForFrame(lastFrame, "public");
    stdin.write("w");
    // The demo drops a column: the first w only warns, nothing is written yet.
    await waitForFrame(lastFrame, "lose data: press w again");
    expect(readdirSync(dir)).toHaveLength(0);
    stdin.write("w");
    const frame = await waitForFrame(lastFrame, "✔ wrote");
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const file = files[0] ?? "";
    expect(file).toMatch(/^\d{14}_.*\.sql$/);
    expect(frame.replace(/\s+/g, "")).toContain(file.slice(0, 14));
    const text = readFileSync(join(dir, file), "utf8");
    expect(text).toContain("-- migrate:up");
    expect(text).toContain("-- migrate:down");
    expect(text).toContain("ALTER TABLE public.products DROP COLUMN legacy_code;");
    expect(text).toMatch(/-- migrate:up transaction:false\n[\s\S]*CREATE INDEX CONCURRENTLY/);
    expect(existsSync(join(dir, file))).toBe(true);
    stdin.write("q");
    await vi.waitFor(
      () =>
        expect(nav.quit).toHaveBeenCalledWith({
          summary: expect.stringContaining("schema diff: 9 changes"),
        }),
      { timeout: 5_000 },
    );
    unmount();
  });

  it("Ctrl+C once loaded leaves with 130 and still prints the diff's summary", async () => {
    const onDone = vi.fn();
    const r = render(
      <App start={{ screen: "schema-diff", params: { changes: demoChanges } }} onDone={onDone} />,
    );
    await waitForFrame(r.lastFrame, "public");
    r.stdin.write("\u0003");
    await vi.waitFor(
      () =>
        expect(onDone).toHaveBeenCalledWith({
          exitCode: 130,
          summary: expect.stringContaining("schema diff: 9 changes"),
        }),
      { timeout: 5_000 },
    );
    r.unmount();
  });

  it("loads the bundled demo when opened without params (as from the home menu)", async () => {
    // Through App, exactly as the home menu opens it: no params at all.
    const r = render(<App start={{ screen: "schema-diff" }} onDone={() => {}} />);
    resize(r.stdout as unknown as EventEmitter, 120, 40);
    const { lastFrame, stdin, unmount } = r;
    await waitForFrame(lastFrame, /demo v1 → demo v2/);
    await waitForFrame(lastFrame, /embedded PostgreSQL|loading demo v2|reading the schema/, 10_000);
    const frame = await waitForTree(lastFrame, /Changes \d+/, 90_000);
    expect(frame).toMatch(/public schema \(\d+\)/);
    stdin.write("/");
    for (const ch of "legacy") {
      await press({ stdin, lastFrame }, ch);
    }
    stdin.write("\r");
    await waitForTree(lastFrame, "legacy_code column");
    stdin.write("n");
    const detail = await waitForFrame(lastFrame, "- column public.products.legacy_code");
    expect(detail).toContain("DROP COLUMN");
    expect(detail).toContain("! data-loss");
    unmount();
  }, 120_000);

  it("switches to stacked panes when the terminal shrinks below 100 columns", async () => {
    const r = await renderScreen({ changes: demoChanges });
    let frame = await waitForFrame(r.lastFrame, /Changes 9\s+Detail/);
    resize(r.stdout as unknown as EventEmitter, 80, 24);
    frame = await waitForFrame(r.lastFrame, /^\s*Detail/m);
    const lines = frame.split("\n");
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    resize(r.stdout as unknown as EventEmitter, 120, 40);
    await waitForFrame(r.lastFrame, /Changes 9\s+Detail/);
    r.unmount();
  });

  it("stops loading with Esc and goes back", async () => {
    // A "database" on 127.0.0.1 that accepts the connection and never answers keeps the screen loading,
    // so the Esc cannot race a load that finishes first.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
    const { port } = silent.address() as AddressInfo;
    try {
      const { lastFrame, stdin, unmount, nav } = await renderScreen({
        from: `postgres://nobody@127.0.0.1:${port}/silent`,
        to: join(repoRoot, "snapshots/demo/v2.sql"),
      });
      await waitForFrame(lastFrame, "Esc or Ctrl+C stops.");
      stdin.write(ESC);
      await vi.waitFor(() => expect(nav.back).toHaveBeenCalledTimes(1), {
        timeout: 10_000,
        interval: 50,
      });
      unmount();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => silent.close(() => done()));
    }
  });

  it("shows a source that cannot be read as a one-line error", async () => {
    const { lastFrame, unmount } = await renderScreen({
      from: "no-such-file.sql",
      to: "also-missing.sql",
    });
    const frame = await waitForFrame(
      lastFrame,
      "error: no-such-file.sql: no such file or folder",
      10_000,
    );
    expect(frame).toContain("Esc goes back, q quits.");
    unmount();
  });

  it("counts every key of a fast burst (keys read in one chunk)", async () => {
    const { lastFrame, stdin, unmount } = await renderScreen({ changes: demoChanges });
    await waitForTree(lastFrame, "order_status");
    stdin.write("nnnnn");
    await waitForFrame(lastFrame, "- column public.products.legacy_code");
    stdin.write("/orders_cust\r");
    const frame = await waitForTree(lastFrame, /Changes 9 {2}\/orders_cust\s*$/m);
    expect(frame).toMatch(/› +\+ orders_customer_id_idx index/); // Enter selects the first match
    expect(frame).not.toContain("legacy_code");
    await press({ stdin, lastFrame }, "kj");
    unmount();
  });
});
