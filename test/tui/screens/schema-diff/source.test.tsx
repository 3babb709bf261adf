import type { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Navigator, NavigatorContext } from "../../../../src/tui/navigation.js";
import { SchemaDiffScreen } from "../../../../src/tui/screens/schema-diff/screen.js";
import { repoRoot } from "../../../helpers/cli.js";
import { waitForFrame } from "../../../helpers/ink.js";
import { createTestDatabase, type TestDatabase } from "../../../helpers/pg.js";

const demo = (v: string) => readFileSync(join(repoRoot, `snapshots/demo/${v}.sql`), "utf8");

describe("schema-diff screen on two live databases", () => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.drop();
  });

  it("diffs database A to database B, shows both sides without passwords, and the changes", async () => {
    const a = await createTestDatabase("sb_diff_a");
    dbs.push(a);
    const b = await createTestDatabase("sb_diff_b");
    dbs.push(b);
    await a.exec(demo("v1"));
    await b.exec(demo("v2"));
    const nav: Navigator = {
      open: vi.fn(),
      back: vi.fn(),
      quit: vi.fn(),
      setSummary: vi.fn(),
      onInterrupt: vi.fn(),
    };
    const withPassword = (url: string) => url.replace("postgres@", "postgres:s3cret@");
    const r = render(
      <NavigatorContext.Provider value={nav}>
        <SchemaDiffScreen
          nav={nav}
          params={{ from: withPassword(a.url), to: withPassword(b.url) }}
        />
      </NavigatorContext.Provider>,
    );
    const stdout = r.stdout as unknown as EventEmitter;
    Object.defineProperty(stdout, "columns", { value: 160, configurable: true });
    Object.defineProperty(stdout, "rows", { value: 40, configurable: true });
    stdout.emit("resize");
    const frame = await waitForFrame(r.lastFrame, /Changes \d+/, 60_000);
    expect(frame).toContain("***");
    expect(frame).not.toContain("s3cret");
    expect(frame).toMatch(/products table \(\d+\)/);
    r.stdin.write("/legacy\r");
    await waitForFrame(r.lastFrame, /legacy_code column/);
    r.stdin.write("n");
    const detail = await waitForFrame(r.lastFrame, "- column public.products.legacy_code");
    expect(detail).toContain("! data-loss");
    r.unmount();
  }, 120_000);
});
