/** The grill: the seven forcing questions, their follow-up facts, the turn state machine and the transcript. */
export { describeAnswer, inputFromValues } from "./answer-text.js";
export {
  ANSWER_FILE_KEYS,
  type AnswerValues,
  answerFromValues,
  loadAnswersFile,
  parseAnswers,
} from "./headless.js";
export { CANON, FORCING_QUESTIONS } from "./question-bank.js";
export { GrillSession, type GrillSessionOptions } from "./session.js";
export {
  DEFAULT_TRANSCRIPT_DIR,
  listTranscripts,
  readTranscript,
  type Transcript,
  TranscriptFile,
  type TranscriptListing,
} from "./transcript.js";
export {
  parseTranscript,
  renderTranscript,
  type StateBlock,
  TRANSCRIPT_FORMAT,
} from "./transcript-markdown.js";
export { type InputResult, parseTurnInput, requiredKeys, type TurnInput } from "./turn-input.js";
export type {
  AnswerKey,
  ChoiceField,
  ChoiceOption,
  Field,
  NumberField,
  Recommendation,
  SurfacesField,
  TextField,
  TurnDef,
  TurnKind,
  YesNoField,
} from "./turn-types.js";
export {
  type AnswerOutcome,
  answersOf,
  answerTurn,
  findTurn,
  type GrillState,
  type GrillStatus,
  givenEntries,
  goBack,
  initialState,
  keptAnswer,
  nextTurn,
  progress,
  QUESTION_COUNT,
  restoreState,
  TURNS,
  type TurnEntry,
} from "./turns.js";
