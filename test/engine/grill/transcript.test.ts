import { existsSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  GrillSession,
  listTranscripts,
  readTranscript,
  TranscriptFile,
} from "../../../src/engine/grill/index.js";
import { PASSING_INPUT } from "../../helpers/grill-answers.js";
import { tempDir } from "../../helpers/temp-dir.js";

const NOW = new Date(2026, 0, 15, 10, 30);
const NAME = "backend-grill-2026-01-15";

let dir: string;
beforeEach(() => {
  dir = tempDir("grill-transcript");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function answer(session: GrillSession, count: number) {
  for (let i = 0; i < count; i++) {
    const turn = session.turn!;
    const outcome = session.answer(PASSING_INPUT[turn.id]!);
    if (!outcome.ok) throw new Error(outcome.message);
  }
}

describe("grill transcript", () => {
  it("round-trips: write, read back, resume to the same state and next turn", async () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 5);
    const path = session.path!;
    const turnBefore = session.turn!.id;
    session.close();
    expect(path).toBe(join(dir, `${NAME}.md`));

    const t = await readTranscript(path);
    expect(t.status).toBe("in-progress");
    expect(t.turnIndex).toBe(5);
    expect(t.answers).toEqual(session.answers);
    expect(t.state).toEqual(session.state);

    const resumed = GrillSession.resume(path);
    expect(resumed.state).toEqual(session.state);
    expect(resumed.turn!.id).toBe(turnBefore);
    answer(resumed, 1);
    resumed.close();
    expect((await readTranscript(path)).turnIndex).toBe(6);
  });

  it("is human-readable Markdown: question, answer, recommendation, canon, and the kill", async () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 1);
    session.answer({ tenancy: "single-tenant" });
    session.answer({ enterprisePricing: "no" });
    session.close();
    const text = readFileSync(session.path!, "utf8");
    expect(text).toContain("# Backend grill — 2026-01-15");
    expect(text).toContain("## Question 1/7 — Load");
    expect(text).toContain(
      "**Answer:** Reads per write (20 means 20:1): 20; One-year p99 QPS: 50 req/s",
    );
    expect(text).toContain("**Recommended:** Shared multi-tenant");
    expect(text).toContain("**Canon:** Kleppmann, Designing Data-Intensive Applications");
    expect(text).toContain("stopped by a kill criterion");
    expect(text).toContain("Single-tenant for everyone without enterprise pricing");
    expect(text).toContain("**Remedy:** Use shared multi-tenant");
    const t = await readTranscript(session.path!);
    expect(t.status).toBe("killed");
    expect(t.kills.map((k) => k.id)).toEqual(["single-tenant-without-enterprise-pricing"]);
  });

  it("resumes a grill a kill criterion stopped at the turn that tripped it", () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    session.answer({ readWriteRatio: "5", qpsP99: "we'll need to scale" });
    session.close();
    const resumed = GrillSession.resume(session.path!);
    expect(resumed.turn!.id).toBe("load");
    expect(resumed.answer(PASSING_INPUT.load!).ok).toBe(true);
    expect(resumed.turn!.id).toBe("tenancy");
    resumed.close();
  });

  it("keeps the answers stepped back over in the transcript and resumes where the user was", () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 4);
    expect(session.back()).toBe(true);
    expect(session.back()).toBe(true);
    const asked = session.turn!.id;
    session.close();
    const text = readFileSync(session.path!, "utf8");
    expect(text).toContain("Answered before a step back");
    const resumed = GrillSession.resume(session.path!);
    expect(resumed.state.entries).toHaveLength(4);
    expect(resumed.turn!.id).toBe(asked);
    expect(resumed.keptAnswer?.turn).toBe(asked);
    resumed.close();
  });

  it("refuses to resume a complete transcript and names decide --from-transcript", () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 16);
    expect(session.state.status).toBe("complete");
    session.close();
    expect(() => GrillSession.resume(session.path!)).toThrow(/already complete/);
  });

  it("never overwrites: the next grill of the day gets -2, then -3", () => {
    writeFileSync(join(dir, `${NAME}.md`), "someone else's notes");
    const a = TranscriptFile.create(dir, NOW);
    const b = TranscriptFile.create(dir, NOW);
    a.close();
    b.close();
    expect(a.path).toBe(join(dir, `${NAME}-2.md`));
    expect(b.path).toBe(join(dir, `${NAME}-3.md`));
    expect(readFileSync(join(dir, `${NAME}.md`), "utf8")).toBe("someone else's notes");
  });

  it("creates the file with mode 0600", () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 1);
    session.close();
    expect(statSync(session.path!).mode & 0o777).toBe(0o600);
  });

  it("does not follow a symlink planted at the transcript path", () => {
    const target = join(dir, "victim.txt");
    writeFileSync(target, "precious");
    symlinkSync(target, join(dir, `${NAME}.md`));
    const dangling = join(dir, "not-there-yet.txt");
    symlinkSync(dangling, join(dir, `${NAME}-2.md`));
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 2);
    session.close();
    expect(session.path).toBe(join(dir, `${NAME}-3.md`));
    expect(readFileSync(target, "utf8")).toBe("precious");
    expect(existsSync(dangling)).toBe(false);
  });

  it("refuses to resume through a symlink", () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 1);
    session.close();
    const link = join(dir, "link.md");
    symlinkSync(session.path!, link);
    expect(() => GrillSession.resume(link)).toThrow(/symbolic link/);
  });

  it("reports a file that is not a transcript", async () => {
    const other = join(dir, "notes.md");
    writeFileSync(other, "# just notes\n");
    await expect(readTranscript(other)).rejects.toThrow(/not a grill transcript/);
  });

  it("lists transcripts newest first with their date and whether they are complete", async () => {
    const done = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(done, 16);
    done.close();
    const open = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(open, 2);
    open.close();
    const older = GrillSession.start({ transcriptDir: dir, now: () => new Date(2025, 11, 31) });
    answer(older, 1);
    older.close();
    symlinkSync(done.path!, join(dir, "backend-grill-2026-02-01.md"));
    const list = await listTranscripts(dir);
    expect(list.map((t) => [t.path, t.date, t.complete])).toEqual([
      [open.path, "2026-01-15", false],
      [done.path, "2026-01-15", true],
      [older.path, "2025-12-31", false],
    ]);
  });

  it("re-validates the recorded answers and derives the status instead of trusting it", async () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 2);
    session.close();
    const path = session.path!;
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace('"status": "in-progress"', '"status": "complete"'));
    const t = await readTranscript(path);
    expect(t.status).toBe("in-progress");
    expect(t.complete).toBe(false);
    writeFileSync(path, text.replaceAll('"qpsP99": 50', '"qpsP99": "lots"'));
    await expect(readTranscript(path)).rejects.toThrow(
      /entry 1 \(load\): One-year p99 QPS: "lots" is not a number/,
    );
  });

  it("ignores a leftover tail after the state block", async () => {
    const session = GrillSession.start({ transcriptDir: dir, now: () => NOW });
    answer(session, 3);
    session.close();
    const path = session.path!;
    writeFileSync(path, `${readFileSync(path, "utf8")}\n"remnant of a longer version\n\`\`\`\n`);
    expect((await readTranscript(path)).turnIndex).toBe(3);
  });

  it("keeps the turn unanswered when the transcript cannot be written", () => {
    const session = GrillSession.start({ transcriptDir: join(dir, "missing"), now: () => NOW });
    expect(() => session.answer(PASSING_INPUT.load!)).toThrow(
      /transcript folder .* does not exist/,
    );
    expect(session.turn!.id).toBe("load");
    expect(session.state.entries).toEqual([]);
  });
});
