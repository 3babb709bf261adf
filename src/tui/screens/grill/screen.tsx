import { Box, Text, useWindowSize } from "ink";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { Answers } from "../../../engine/decision/index.js";
import {
  type Field,
  GrillSession,
  inputFromValues,
  QUESTION_COUNT,
  type TurnDef,
} from "../../../engine/grill/index.js";
import { isUserError } from "../../../engine/shared/index.js";
import { grillSummary } from "../../../report/grill-summary.js";
import { ChoiceList } from "../../kit/choice-list.js";
import { FieldForm } from "../../kit/field-form.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { glyph, tone } from "../../kit/theme.js";
import type { ScreenProps } from "../../navigation.js";
import { CompletePanel, KillPanel, QuestionHeader, RecommendationBox } from "./panels.js";
import { type GrillMode, useGrillKeys } from "./use-keys.js";

export interface GrillParams {
  /** A session opened by the CLI (new or `--resume`); without one the screen starts a new grill. */
  session?: GrillSession;
  /** Folder for a new transcript (default /tmp). */
  transcriptDir?: string;
}

const KEYS: Record<GrillMode, Array<{ key: string; label: string }>> = {
  choice: [
    { key: "↑↓/jk", label: "move" },
    { key: "Enter", label: "answer" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  input: [
    { key: "Enter", label: "next/answer" },
    { key: "Tab", label: "field" },
    { key: "Esc", label: "back" },
    { key: "Ctrl+C", label: "quit" },
  ],
  killed: [
    { key: "Enter/q", label: "leave" },
    { key: "Esc", label: "change the answer" },
  ],
  complete: [
    { key: "Enter", label: "results" },
    { key: "Esc", label: "back" },
    { key: "q", label: "quit" },
  ],
};

const HELP_NOTES = [
  "One forcing question per turn, with follow-up facts as their own turns. The recommended answer is pre-selected.",
  "A number field left blank (or “we'll need to scale”) records “no number”, which may trip a kill criterion.",
  "Every answer is written to the transcript at once; Ctrl+C keeps them all. Continue with grill --resume FILE.",
];

/**
 * The session that opened the results screen: the app shows one screen at a time, so Esc on the
 * results mounts the grill again, which picks the finished session up instead of starting anew.
 */
let handedOff: { session: GrillSession; nav: unknown; params: unknown } | undefined;

/** The text a turn starts with: the answer kept from before a step back, else the recommendation or default. */
function initialInput(turn: TurnDef, answers: Answers, restore?: Partial<Answers>) {
  if (restore) return inputFromValues(turn, restore);
  const prefill = turn.recommend(answers).prefill ?? {};
  const out: Record<string, string> = {};
  for (const f of turn.fields) {
    const fallback =
      f.kind === "choice" ? f.default : f.kind === "yesno" ? (f.default ? "yes" : "no") : "";
    out[f.key] = prefill[f.key] ?? fallback;
  }
  return out;
}

function choicesOf(field: Field, recommended?: string) {
  const base =
    field.kind === "yesno"
      ? [
          { value: "yes", label: field.yes },
          { value: "no", label: field.no },
        ]
      : field.kind === "choice"
        ? field.options
        : [];
  return base.map((c) => ({
    value: c.value,
    label: c.value === recommended ? `${c.label}  (recommended)` : c.label,
  }));
}

function placeholderOf(field: Field): string | undefined {
  if (field.kind === "number") {
    if (field.noNumber) return "a number, or blank for none";
    return field.optional ? "a number (optional)" : "a number";
  }
  return "placeholder" in field ? field.placeholder : undefined;
}

export function GrillScreen({ nav, params }: ScreenProps<GrillParams>) {
  const { rows } = useWindowSize();
  const [session] = useState(() => {
    const returning =
      handedOff?.nav === nav && handedOff.params === params ? handedOff.session : undefined;
    handedOff = undefined;
    return (
      params?.session ?? returning ?? GrillSession.start({ transcriptDir: params?.transcriptDir })
    );
  });
  const [, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const [showHelp, setShowHelp] = useState(false);
  const [error, setError] = useState<string>();
  const draftRef = useRef<{ key: string; values: Record<string, string>; focus: number }>({
    key: "",
    values: {},
    focus: 0,
  });

  useEffect(() => {
    nav.setSummary(grillSummary(session));
    return () => {
      if (!params?.session && handedOff?.session !== session) session.close();
    };
  }, [nav, session, params?.session]);

  const turn = session.turn;
  const { status } = session.state;
  const turnKey = `${turn?.id}:${session.state.at}`;
  if (turn && draftRef.current.key !== turnKey) {
    // An answer given before a step back (Esc) is kept by the session and pre-selected here.
    draftRef.current = {
      key: turnKey,
      values: initialInput(turn, session.answers, session.keptAnswer?.values),
      focus: 0,
    };
  }
  const draft = draftRef.current;
  const mode: GrillMode =
    status === "killed"
      ? "killed"
      : status === "complete"
        ? "complete"
        : turn?.kind === "choice"
          ? "choice"
          : "input";

  const openDecision = () => {
    handedOff = { session, nav, params };
    nav.open("decision", { answers: session.answers, source: session.path });
  };
  const leave = () =>
    nav.quit({ summary: grillSummary(session), exitCode: status === "killed" ? 1 : 0 });

  const submit = (input: Record<string, string>) => {
    try {
      const outcome = session.answer(input);
      if (!outcome.ok) {
        setError(outcome.message);
        const bad = turn?.fields.findIndex((f) => f.key === outcome.field) ?? -1;
        if (bad >= 0) draftRef.current.focus = bad;
        refresh();
        return;
      }
    } catch (e) {
      setError(isUserError(e) ? e.message : String(e));
      return;
    }
    setError(undefined);
    draftRef.current.key = "";
    nav.setSummary(grillSummary(session));
    if (session.state.status === "complete") openDecision();
    refresh();
  };

  const back = () => {
    if (!session.lastEntry) return nav.back();
    session.back();
    draftRef.current.key = "";
    setError(undefined);
    nav.setSummary(grillSummary(session));
    refresh();
  };

  useGrillKeys({
    mode,
    helpShown: showHelp,
    toggleHelp: () => setShowHelp((v) => !v),
    back,
    quit: leave,
    confirm: () => (mode === "complete" ? openDecision() : leave()),
    moveField: (delta) => {
      const n = turn?.fields.length ?? 1;
      draftRef.current.focus = (draft.focus + delta + n) % n;
      refresh();
    },
  });

  const { question } = session.progress;
  const keys = KEYS[mode].filter((k) => k.key !== "Tab" || (turn?.fields.length ?? 0) > 1);
  let body: ReactNode;
  if (mode === "killed") body = <KillPanel kills={session.state.kills} transcript={session.path} />;
  else if (mode === "complete") body = <CompletePanel transcript={session.path} />;
  else if (turn) {
    const recommendation = turn.recommend(session.answers);
    const field = turn.fields[0]!;
    body = (
      <Box flexDirection="column" paddingTop={1}>
        <QuestionHeader turn={turn} of={QUESTION_COUNT} />
        <Box marginTop={1} flexDirection="column" flexShrink={0}>
          {mode === "choice" ? (
            <ChoiceList
              key={turnKey}
              choices={choicesOf(field, recommendation.prefill?.[field.key])}
              initial={draft.values[field.key]}
              focused={!showHelp}
              limit={Math.max(3, rows - 14)}
              onPick={(value) => submit({ [field.key]: value })}
            />
          ) : (
            <FieldForm
              fields={turn.fields.map((f) => ({
                key: f.key,
                label: f.label,
                placeholder: placeholderOf(f),
              }))}
              values={draft.values}
              focus={draft.focus}
              focused={!showHelp}
              onChange={(key, value) => {
                draftRef.current.values = { ...draftRef.current.values, [key]: value };
                refresh();
              }}
              onEnter={(i) => {
                if (i < turn.fields.length - 1) {
                  draftRef.current.focus = i + 1;
                  refresh();
                } else submit(draftRef.current.values);
              }}
            />
          )}
        </Box>
        {error ? (
          <Text color={tone("bad")} wrap="wrap">
            {glyph.kill} {error}
          </Text>
        ) : null}
        <RecommendationBox recommendation={recommendation} canon={turn.canon} />
        {session.path ? (
          <Text color={tone("muted")} wrap="truncate-middle">
            Transcript: {session.path}
          </Text>
        ) : null}
      </Box>
    );
  }

  return (
    <ScreenFrame
      title="grill"
      status={`question ${question}/${QUESTION_COUNT}`}
      keys={keys}
      helpKeys={[
        ...KEYS.choice,
        ...KEYS.input.slice(1),
        { key: "Ctrl+C", label: "quit (answers kept)" },
      ]}
      helpNotes={HELP_NOTES}
      showHelp={showHelp}
    >
      {body}
    </ScreenFrame>
  );
}
