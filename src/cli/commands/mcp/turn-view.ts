import {
  type GrillState,
  nextTurn,
  requiredKeys,
  type TurnDef,
} from "../../../engine/grill/index.js";

/** The turn being asked, as an agent needs it: the question, its fields and the recommendation. */
export function turnView(turn: TurnDef, state: GrillState) {
  const answers = Object.assign({}, ...state.entries.map((e) => e.values));
  const rec = turn.recommend(answers);
  return {
    id: turn.id,
    question: turn.question,
    followUp: turn.followUp,
    title: turn.title,
    text: turn.text,
    fields: turn.fields.map((f) => ({
      key: f.key,
      kind: f.kind,
      label: f.label,
      optional: Boolean(f.optional),
      ...(f.kind === "choice" ? { options: f.options.map((o) => o.value) } : {}),
      ...(f.kind === "number" ? { min: f.min, max: f.max, unit: f.unit ?? null } : {}),
    })),
    required: requiredKeys(turn),
    recommendation: { answer: rec.answer, why: rec.why },
    canon: turn.canon,
  };
}

export function currentTurnView(state: GrillState) {
  const turn = nextTurn(state);
  return turn ? turnView(turn, state) : null;
}
