import type { Answers } from "../decision/index.js";
import { UserError } from "../shared/index.js";
import { DEFAULT_TRANSCRIPT_DIR, TranscriptFile } from "./transcript.js";
import { parseTranscript, renderTranscript } from "./transcript-markdown.js";
import type { TurnInput } from "./turn-input.js";
import type { Recommendation, TurnDef } from "./turn-types.js";
import {
  type AnswerOutcome,
  answersOf,
  answerTurn,
  type GrillState,
  givenEntries,
  goBack,
  initialState,
  keptAnswer,
  nextTurn,
  progress,
  type TurnEntry,
} from "./turns.js";

export interface GrillSessionOptions {
  /** Folder for a new transcript (default /tmp). */
  transcriptDir?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

/**
 * One grill: the state machine plus its transcript, rewritten after every answer and every step
 * back. A new transcript file is created at the first answer, so opening the grill and leaving
 * at once leaves nothing behind.
 */
export class GrillSession {
  private file: TranscriptFile | undefined;
  /** After resuming a grill a kill criterion stopped: the answer that tripped it (to edit). */
  reopened: TurnEntry | undefined;
  private readonly dir: string;
  private readonly now: () => Date;

  private constructor(
    public state: GrillState,
    private readonly startedAt: string,
    options: GrillSessionOptions,
    file?: TranscriptFile,
  ) {
    this.dir = options.transcriptDir ?? DEFAULT_TRANSCRIPT_DIR;
    this.now = options.now ?? (() => new Date());
    this.file = file;
  }

  static start(options: GrillSessionOptions = {}): GrillSession {
    const now = (options.now ?? (() => new Date()))();
    return new GrillSession(initialState(), now.toISOString(), options);
  }

  /**
   * Continue a transcript where it stopped. A grill a kill criterion stopped is continued at the
   * turn whose answer tripped it; a complete one cannot be continued.
   */
  static resume(path: string, options: GrillSessionOptions = {}): GrillSession {
    const file = TranscriptFile.openExisting(path);
    try {
      const block = parseTranscript(file.read(), path);
      if (block.status === "complete") {
        throw new UserError(`${path} is already complete: all seven questions are answered`, {
          hint: `run \`senior-backend decide --from-transcript ${path}\` for the decision`,
        });
      }
      let state: GrillState = {
        entries: block.entries,
        at: block.turnIndex,
        status: block.status,
        kills: block.kills,
      };
      const tripped = state.status === "killed" ? state.entries[state.at - 1] : undefined;
      if (tripped) state = goBack(state);
      const session = new GrillSession(state, block.startedAt, options, file);
      session.reopened = tripped;
      return session;
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /** The transcript's path, once the first answer has been written. */
  get path(): string | undefined {
    return this.file?.path;
  }

  /** The answers on the way to the turn being asked. */
  get answers(): Answers {
    return answersOf(givenEntries(this.state));
  }

  /** The answer given to the turn being asked before a step back (pre-selected), if any. */
  get keptAnswer(): TurnEntry | undefined {
    return keptAnswer(this.state);
  }

  /** The turn being asked, or undefined once the grill is complete or stopped. */
  get turn(): TurnDef | undefined {
    return nextTurn(this.state);
  }

  get progress(): { question: number; of: number } {
    return progress(this.state);
  }

  /** The recommended answer for the current turn from the facts so far. */
  recommendation(): Recommendation | undefined {
    return this.turn?.recommend(this.answers);
  }

  /** The last answer on the way to the turn being asked (the one Esc steps back to). */
  get lastEntry(): TurnEntry | undefined {
    return this.state.entries[this.state.at - 1];
  }

  answer(input: TurnInput): AnswerOutcome {
    const outcome = answerTurn(this.state, input);
    if (outcome.ok) this.commit(outcome.state);
    return outcome;
  }

  /** Step back one turn; false when there is nothing to undo. */
  back(): boolean {
    if (this.state.at === 0) return false;
    this.commit(goBack(this.state));
    return true;
  }

  /** Move to `next` only once the transcript holds it; if writing fails, nothing changes. */
  private commit(next: GrillState): void {
    const previous = this.state;
    this.state = next;
    try {
      this.save();
    } catch (error) {
      this.state = previous;
      throw error;
    }
  }

  /** Write the transcript now (creating it on the first call). */
  save(): void {
    if (!this.file) this.file = TranscriptFile.create(this.dir, new Date(this.startedAt));
    const meta = {
      path: this.file.path,
      startedAt: this.startedAt,
      updatedAt: this.now().toISOString(),
    };
    this.file.write(renderTranscript(this.state, meta));
  }

  close(): void {
    this.file?.close();
  }
}
