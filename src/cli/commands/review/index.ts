import type { Command } from "commander";
import { loadProfiles } from "../../../engine/decision/index.js";
import {
  answerFromValues,
  DEFAULT_TRANSCRIPT_DIR,
  GrillSession,
  loadAnswersFile,
  readTranscript,
} from "../../../engine/grill/index.js";
import { UserError } from "../../../engine/shared/index.js";
import { reviewDigest } from "../../../report/review-digest.js";
import { reviewText } from "../../../report/review-text.js";
import { action } from "../../action.js";
import type { CliContext } from "../../context.js";
import { EXIT, isInteractive, writeJson, writeText } from "../../output.js";
import { startTui } from "../../start-tui.js";
import { buildReview, type Review } from "./compose.js";

interface ReviewFlags {
  answers?: string;
  fromTranscript?: string;
  transcriptDir: string;
  profilesDir?: string;
  digest?: boolean;
  json?: boolean;
}

export function registerReviewCommand(program: Command, ctx: CliContext): void {
  program
    .command("review")
    .description("grill → decide → the next concerns with their commands; --digest for agents")
    .option("--answers <file>", "answer the grill from a YAML or JSON file, without a terminal")
    .option("--from-transcript <file>", "review a grill transcript instead of asking again")
    .option(
      "--transcript-dir <dir>",
      "folder for the transcript --answers writes",
      DEFAULT_TRANSCRIPT_DIR,
    )
    .option("--profiles-dir <dir>", "profiles the decision ranks (default: the bundled ones)")
    .option("--digest", "at most 200 words: status, best fit, kills, SLO floor, next three steps")
    .option("--json", "print the whole review as one JSON document")
    .action(action((flags: ReviewFlags) => runReview(flags, ctx)));
}

async function runReview(flags: ReviewFlags, ctx: CliContext): Promise<number> {
  if (flags.answers && flags.fromTranscript) {
    throw new UserError("use --answers or --from-transcript, not both", {
      hint: "continue a transcript with `senior-backend grill --resume FILE --answers FILE`",
    });
  }
  if (flags.json && flags.digest) throw new UserError("use --json or --digest, not both");
  const profiles = await loadProfiles(flags.profilesDir);
  let review: Review;
  if (flags.fromTranscript) {
    const t = await readTranscript(flags.fromTranscript);
    review = buildReview({
      grillStatus: t.status,
      answers: t.answers,
      answered: t.turnIndex,
      question: t.question,
      transcript: t.path,
      profiles,
    });
  } else {
    const session = flags.answers
      ? await answeredSession(flags.answers, flags.transcriptDir, ctx)
      : await interactiveSession(flags.transcriptDir);
    if (ctx.signal.aborted) return EXIT.interrupted;
    review = buildReview({
      grillStatus: session.state.status,
      answers: session.answers,
      answered: session.state.entries.length,
      question: session.progress.question,
      transcript: session.path,
      profiles,
    });
  }
  if (flags.json) writeJson(review);
  else if (flags.digest) writeText(reviewDigest(review));
  else writeText(reviewText(review));
  return review.status === "blocked" ? EXIT.gateFailed : EXIT.ok;
}

async function answeredSession(file: string, dir: string, ctx: CliContext): Promise<GrillSession> {
  const values = await loadAnswersFile(file);
  const session = GrillSession.start({ transcriptDir: dir });
  try {
    answerFromValues(session, values, file, ctx.signal);
  } finally {
    session.close();
  }
  return session;
}

async function interactiveSession(dir: string): Promise<GrillSession> {
  if (!isInteractive()) {
    throw new UserError("review needs --answers FILE, --from-transcript FILE, or a terminal", {
      hint: "senior-backend review --answers answers.yaml --digest (format: examples/answers.yaml)",
    });
  }
  const session = GrillSession.start({ transcriptDir: dir });
  try {
    const code = await startTui({ screen: "grill", params: { session } });
    if (code === EXIT.interrupted)
      throw new UserError("the grill was interrupted", { exitCode: EXIT.interrupted });
  } finally {
    session.close();
  }
  return session;
}
