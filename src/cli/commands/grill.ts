import type { Command } from "commander";
import { type Decision, decide, loadProfiles, missingInputs } from "../../engine/decision/index.js";
import {
  answerFromValues,
  DEFAULT_TRANSCRIPT_DIR,
  GrillSession,
  loadAnswersFile,
} from "../../engine/grill/index.js";
import { UserError } from "../../engine/shared/index.js";
import { grillReport } from "../../report/grill-report-text.js";
import { action } from "../action.js";
import type { CliContext } from "../context.js";
import { EXIT, isInteractive, writeJson, writeText } from "../output.js";
import { startTui } from "../start-tui.js";

interface GrillOptions {
  answers?: string;
  resume?: string;
  transcriptDir: string;
  json?: boolean;
  profilesDir?: string;
}

export function registerGrillCommand(program: Command, ctx: CliContext): void {
  program
    .command("grill")
    .description("the seven forcing questions, one per turn; a kill criterion stops the grill")
    .option("--answers <file>", "answer from a YAML or JSON file, without a terminal")
    .option("--resume <file>", "continue a transcript where it stopped")
    .option("--transcript-dir <dir>", "folder for a new transcript", DEFAULT_TRANSCRIPT_DIR)
    .option("--profiles-dir <dir>", "profiles the decision ranks (default: the bundled ones)")
    .option("--json", "print the result as one JSON document (with --answers)")
    .action(action((opts: GrillOptions) => runGrill(opts, ctx)));
}

async function runGrill(opts: GrillOptions, ctx: CliContext): Promise<number> {
  if (!opts.answers) {
    if (opts.json) {
      throw new UserError("--json needs --answers FILE", {
        hint: "the full-screen grill prints its summary as text; for JSON run it headless",
      });
    }
    // A transcript that cannot be continued is named before the missing terminal.
    const resumed = opts.resume ? GrillSession.resume(opts.resume) : undefined;
    if (!isInteractive()) {
      resumed?.close();
      throw new UserError("grill needs a terminal, or --answers FILE to run without one", {
        hint: opts.resume
          ? `senior-backend grill --resume ${opts.resume} --answers answers.yaml (the rest of the answers)`
          : "senior-backend grill --answers answers.yaml (format: examples/answers.yaml)",
      });
    }
    const session = resumed ?? GrillSession.start({ transcriptDir: opts.transcriptDir });
    try {
      return await startTui({ screen: "grill", params: { session } });
    } finally {
      session.close();
    }
  }

  const values = await loadAnswersFile(opts.answers);
  const session = opts.resume
    ? GrillSession.resume(opts.resume)
    : GrillSession.start({ transcriptDir: opts.transcriptDir });
  try {
    answerFromValues(session, values, opts.answers, ctx.signal);
  } finally {
    session.close();
  }
  if (ctx.signal.aborted) return EXIT.interrupted;

  const { state } = session;
  const answers = session.answers;
  let decision: Decision | undefined;
  if (state.status === "complete" && missingInputs(answers).length === 0) {
    decision = decide(answers, { profiles: await loadProfiles(opts.profilesDir) });
  }
  const result = {
    transcript: session.path ?? null,
    status: state.status,
    question: session.progress.question,
    turnIndex: state.at,
    answers,
    kills: state.kills,
    decision: decision ?? null,
  };
  if (opts.json) writeJson(result);
  else writeText(grillReport(state, session.path, decision));
  return state.status === "killed" ? EXIT.gateFailed : EXIT.ok;
}
