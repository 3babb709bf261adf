import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FINDING_CATALOG, findingAnchor } from "../../../src/engine/audit/index.js";
import { REFERENCE } from "../../../src/engine/audit/reference-links.js";

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\w\s-]/g, "")
        .replace(/\s+/g, "-"),
    ),
  );
}

describe("references/backend_security_practices.md", () => {
  const text = readFileSync("references/backend_security_practices.md", "utf8");

  it("has a section for every link a finding carries", () => {
    const found = anchors(text);
    for (const link of Object.values(REFERENCE)) {
      expect(found, link).toContain(link.split("#")[1]);
    }
  });

  it("maps all ten OWASP API Security 2023 risks", () => {
    for (let i = 1; i <= 10; i++) expect(text).toMatch(new RegExp(`\\| API${i} `));
  });
});

describe("docs/audit-findings.md", () => {
  const text = readFileSync("docs/audit-findings.md", "utf8");

  it("has an entry, with its severities, for every finding id the audit can report", () => {
    const found = anchors(text);
    for (const [id, entry] of Object.entries(FINDING_CATALOG)) {
      expect(found, id).toContain(findingAnchor(id));
      const section = text.slice(text.indexOf(`### ${id}\n`));
      expect(section, id).toMatch(
        new RegExp(
          `^### ${id.replace(/\./g, "\\.")}\\n\\nSeverity: ${entry.severity.join(" or ")}\\.`,
        ),
      );
    }
  });

  it("documents no finding the audit does not have", () => {
    const documented = [...text.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(FINDING_CATALOG).sort());
  });
});
