import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { httpTarget, type TestTarget } from "../../helpers/load-servers.js";
import { countColor, decodePng } from "../../helpers/png.js";

const targets: TestTarget[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function findChromium(): string | undefined {
  for (const name of ["chromium", "chromium-browser"]) {
    const r = spawnSync("which", [name], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}
const chromium = findChromium();

function headless(dir: string, args: string[]): string {
  return execFileSync(
    chromium!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      `--user-data-dir=${join(dir, "profile")}`,
      ...args,
    ],
    { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "ignore"] },
  );
}

describe("load --report FILE.html", () => {
  it("is one self-contained page with the charts, status codes and the baseline", async () => {
    let n = 0;
    const t = await httpTarget((_req, res) => {
      n += 1;
      res.writeHead(n % 10 === 0 ? 503 : 200);
      setTimeout(() => res.end("ok"), n % 7);
    });
    targets.push(t);
    const dir = mkdtempSync(join(tmpdir(), "sb-load-html-"));
    dirs.push(dir);
    const base = await runCli([
      "load",
      t.url,
      "-d",
      "2",
      "-c",
      "4",
      "--workers",
      "1",
      "--save",
      join(dir, "base.json"),
    ]);
    expect(base.code, base.stderr).toBe(0);
    const run = await runCli([
      "load",
      t.url,
      "-d",
      "3",
      "-c",
      "4",
      "--workers",
      "1",
      "--baseline",
      join(dir, "base.json"),
      "--fail-on",
      "p99>400ms",
      "--report",
      join(dir, "run.html"),
    ]);
    expect(run.stderr).toMatch(/wrote .*run\.html/);
    const html = readFileSync(join(dir, "run.html"), "utf8");
    // Self-contained: nothing is fetched from elsewhere.
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=/i);
    for (const title of [
      "Latency over time",
      "Requests per second",
      "Latency distribution (log-percentile axis)",
      "Status codes",
    ])
      expect(html).toContain(title);
    expect(html).toContain("99.9%");
    expect(html).toMatch(/Baseline: /);
    expect(html).toContain("fail-on p99&gt;400ms");
    expect(html).toMatch(/>503</);
  }, 60_000);

  it.skipIf(!chromium)(
    chromium
      ? "renders its charts in headless Chromium"
      : "renders its charts in headless Chromium (skipped: Debian package chromium is not installed)",
    async () => {
      const t = await httpTarget((_req, res) => {
        setTimeout(() => res.end("ok"), 2);
      });
      targets.push(t);
      const dir = mkdtempSync(join(tmpdir(), "sb-load-html-"));
      dirs.push(dir);
      const run = await runCli([
        "load",
        t.url,
        "-d",
        "3",
        "-c",
        "2",
        "--workers",
        "1",
        "--report",
        join(dir, "r.html"),
      ]);
      expect(run.code, run.stderr).toBe(0);
      const url = pathToFileURL(join(dir, "r.html")).href;
      const dom = headless(dir, ["--dump-dom", url]);
      expect(dom.match(/<svg class="chart"/g)).toHaveLength(4);
      // Every line chart drew a path with many points; the bar chart drew its bar.
      const paths = [...dom.matchAll(/<path d="([^"]+)"[^>]*class="series"/g)].map((m) => m[1]!);
      expect(paths.length).toBeGreaterThanOrEqual(5);
      for (const d of paths) expect(d.split("L").length).toBeGreaterThanOrEqual(2);
      const shot = join(dir, "shot.png");
      headless(dir, ["--hide-scrollbars", "--window-size=1000,2200", `--screenshot=${shot}`, url]);
      const img = decodePng(readFileSync(shot));
      expect(img.width).toBe(1000);
      // The series colours are on screen: p50 blue, p99 orange-red, the 200 bar green.
      expect(countColor(img, "#2f7ed8")).toBeGreaterThan(300);
      expect(countColor(img, "#e4572e")).toBeGreaterThan(300);
      expect(countColor(img, "#3c9a5f")).toBeGreaterThan(300);
    },
    90_000,
  );
});
