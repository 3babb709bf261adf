import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Answers, TrippedKill } from "../decision/index.js";
import { UserError } from "../shared/index.js";
import { localDate, parseTranscript } from "./transcript-markdown.js";
import type { GrillState, GrillStatus, TurnEntry } from "./turns.js";

/**
 * The transcript file: `backend-grill-YYYY-MM-DD.md` in the transcript folder (then `-2`, `-3`, …),
 * created with mode 0600 and O_EXCL|O_NOFOLLOW, so an existing file or a symlink planted at the
 * name is never written through; then rewritten in place after every answer.
 */

export const DEFAULT_TRANSCRIPT_DIR = "/tmp";
const NAME = /^backend-grill-(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.md$/;
const MAX_SUFFIX = 999;

function fileError(path: string, error: unknown, doing: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ELOOP") {
    return new UserError(`${path} is a symbolic link; refusing to ${doing} through it`, {
      hint: "pass the transcript file itself, not a link to it",
    });
  }
  if (code === "ENOENT") return new UserError(`cannot ${doing} ${path}: no such file or folder`);
  if (code === "EACCES" || code === "EPERM") {
    return new UserError(`cannot ${doing} ${path}: permission denied`);
  }
  return new UserError(`cannot ${doing} ${path}: ${(error as Error).message}`);
}

export class TranscriptFile {
  private constructor(
    readonly path: string,
    private fd: number | undefined,
  ) {}

  /** Create a new transcript in `dir`, never reusing or following an existing name. */
  static create(dir: string, now: Date): TranscriptFile {
    const base = `backend-grill-${localDate(now)}`;
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const path = join(dir, n === 1 ? `${base}.md` : `${base}-${n}.md`);
      try {
        const fd = openSync(path, flags, 0o600);
        fchmodSync(fd, 0o600);
        return new TranscriptFile(path, fd);
      } catch (error) {
        // EEXIST covers a regular file and a symlink (O_EXCL never follows one); try the next name.
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") continue;
        if (code === "ENOENT" || code === "ENOTDIR") {
          throw new UserError(`the transcript folder ${dir} does not exist`, {
            hint: "create it, or pass another folder with --transcript-dir",
          });
        }
        throw fileError(path, error, "create the transcript");
      }
    }
    throw new UserError(`${MAX_SUFFIX} transcripts for ${localDate(now)} already exist in ${dir}`, {
      hint: "remove old ones or pass --transcript-dir",
    });
  }

  /** Open an existing transcript to continue it; a symlink or anything but a regular file is refused. */
  static openExisting(path: string): TranscriptFile {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDWR | constants.O_NOFOLLOW);
    } catch (error) {
      throw fileError(path, error, "continue the transcript");
    }
    if (!fstatSync(fd).isFile()) {
      closeSync(fd);
      throw new UserError(`${path} is not a regular file`);
    }
    return new TranscriptFile(path, fd);
  }

  /** The current content (read through the open descriptor, never through a link). */
  read(): string {
    if (this.fd === undefined) throw new Error(`transcript ${this.path} is closed`);
    return readFileSync(this.fd, "utf8");
  }

  /**
   * Replace the whole content. Synchronous, so a Ctrl+C cannot land between the write and the
   * truncate; the content is written before the old tail is cut, and readers ignore any tail.
   */
  write(content: string): void {
    if (this.fd === undefined) throw new Error(`transcript ${this.path} is closed`);
    const buf = Buffer.from(content, "utf8");
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, done);
    ftruncateSync(this.fd, buf.length);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

export interface Transcript {
  path: string;
  answers: Answers;
  status: GrillStatus;
  complete: boolean;
  /** Entries on the way to the turn being asked (later ones were kept from before a step back). */
  turnIndex: number;
  /** The forcing question (1–7) being asked, or the last one when the grill has ended. */
  question: number;
  entries: TurnEntry[];
  kills: TrippedKill[];
  startedAt: string;
  updatedAt: string;
  /** The state machine's state, for `grill --resume`. */
  state: GrillState;
}

/** Read a transcript written by the grill (for `grill --resume` and `decide --from-transcript`). */
export async function readTranscript(path: string): Promise<Transcript> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw fileError(path, error, "read the transcript");
  }
  const block = parseTranscript(text, path);
  return {
    path,
    answers: block.answers,
    status: block.status,
    complete: block.status === "complete",
    turnIndex: block.turnIndex,
    question: block.question,
    entries: block.entries,
    kills: block.kills,
    startedAt: block.startedAt,
    updatedAt: block.updatedAt,
    state: {
      entries: block.entries,
      at: block.turnIndex,
      status: block.status,
      kills: block.kills,
    },
  };
}

export interface TranscriptListing {
  path: string;
  /** The date in the file name, YYYY-MM-DD. */
  date: string;
  complete: boolean;
  status: GrillStatus | "unreadable";
}

/** The grill transcripts in `dir`, newest first (by date, then by number). Links are skipped. */
export async function listTranscripts(
  dir: string = DEFAULT_TRANSCRIPT_DIR,
): Promise<TranscriptListing[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found: Array<TranscriptListing & { n: number }> = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    let status: TranscriptListing["status"] = "unreadable";
    try {
      status = (await readTranscript(path)).status;
    } catch {
      // another user's file, or not ours after all: listed as unreadable
    }
    found.push({
      path,
      date: m[1]!,
      complete: status === "complete",
      status,
      n: Number(m[2] ?? 1),
    });
  }
  found.sort((a, b) => b.date.localeCompare(a.date) || b.n - a.n);
  return found.map(({ n: _n, ...rest }) => rest);
}
