import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

/** README.md, CONTRIBUTING.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const files = ["README.md", "CONTRIBUTING.md"].map((f) => join(repoRoot, f));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  walk(join(repoRoot, "docs"));
  return files;
}

/** Markdown text without fenced code blocks, where `#` lines are not headings. */
function withoutFences(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** Markdown text without code, where brackets are not links. */
function prose(text: string): string {
  return withoutFences(text).replace(/`[^`\n]*`/g, "code");
}

/** Link targets: inline links `[text](target)` and reference definitions `[id]: target`. */
function linkTargets(text: string): string[] {
  const body = prose(text);
  const targets: string[] = [];
  for (const m of body.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    targets.push(m[1] ?? "");
  for (const m of body.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) targets.push(m[1] ?? "");
  return targets;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (m[1] ?? "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  return anchors;
}

const external = /^[a-z][a-z0-9+.-]*:/i; // http:, https:, mailto:

describe("relative links in README.md, CONTRIBUTING.md and docs/", () => {
  const files = markdownFiles();

  it("finds the documents and their links", () => {
    expect(files.map((f) => relative(repoRoot, f))).toEqual(
      expect.arrayContaining(["README.md", "CONTRIBUTING.md", "docs/architecture.md"]),
    );
    expect(linkTargets(readFileSync(join(repoRoot, "README.md"), "utf8")).length).toBeGreaterThan(
      5,
    );
  });

  for (const file of files) {
    it(`${relative(repoRoot, file)}: every relative link points at a file (and heading) in the repo`, () => {
      const broken: string[] = [];
      for (const target of linkTargets(readFileSync(file, "utf8"))) {
        if (external.test(target)) continue;
        const [pathPart = "", anchor] = target.split("#", 2);
        const path = pathPart === "" ? file : resolve(dirname(file), decodeURIComponent(pathPart));
        if (!path.startsWith(repoRoot) || !existsSync(path)) {
          broken.push(`${target} (no such file)`);
          continue;
        }
        if (anchor && statSync(path).isFile() && path.endsWith(".md")) {
          if (!headingAnchors(readFileSync(path, "utf8")).has(anchor))
            broken.push(`${target} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});

describe("the link checker itself", () => {
  it("reads inline links and reference definitions, not code", () => {
    const text =
      'See [a](docs/a.md) and [b](../b.md#x "t").\n\n[c]: ./c.md\n\n```\n[no](not-a-link.md)\n```\n`[no](x.md)`';
    expect(linkTargets(text)).toEqual(["docs/a.md", "../b.md#x", "./c.md"]);
  });

  it("makes GitHub's heading anchors", () => {
    const anchors = headingAnchors(
      "# One — two\n## `--json` shape\n## Exit codes\n## Exit codes\n",
    );
    expect([...anchors]).toEqual(["one--two", "--json-shape", "exit-codes", "exit-codes-1"]);
  });
});
