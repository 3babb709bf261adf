import { Box, Text, useWindowSize } from "ink";
import { useEffect, useMemo, useState } from "react";
import {
  type Answers,
  type Decision,
  decide,
  loadProfiles,
  missingInputs,
  type ProfileReport,
  profileReport,
} from "../../../engine/decision/index.js";
import { decisionSummary } from "../../../report/decision-summary.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { ScrollLines } from "../../kit/scroll-lines.js";
import { glyph, tone } from "../../kit/theme.js";
import type { ScreenProps } from "../../navigation.js";
import { decisionDetail } from "./decision-detail.js";
import { FitBar } from "./fit-bar.js";
import { useDecideKeys } from "./use-keys.js";

export interface DecisionParams {
  answers: Answers;
  /** Where the answers came from (a grill transcript path), shown on the screen. */
  source?: string;
  /** Rank the profiles in this folder instead of the shipped ones. */
  profilesDir?: string;
}

const KEYS = [
  { key: "↑↓", label: "move/scroll" },
  { key: "Tab", label: "pane" },
  { key: "[ ]", label: "section" },
  { key: "?", label: "help" },
  { key: "Esc", label: "back" },
  { key: "q", label: "quit" },
];

const HELP_KEYS = [
  { key: "↑↓ / j k", label: "choose a profile; in the detail pane, scroll" },
  { key: "Tab / Enter", label: "switch between the profile list and the detail pane" },
  { key: "[ ] / ← →", label: "previous / next section of the detail pane" },
  { key: "PgUp PgDn", label: "scroll the detail pane a page (Space too)" },
  { key: "g / G", label: "top / bottom of the detail pane" },
  { key: "Esc", label: "leave the detail pane, then go back" },
  { key: "?", label: "this help" },
  { key: "q", label: "quit and print the summary" },
];

const HELP_NOTES = [
  "Fit = 50 + 50 × points ÷ max points: a matched input adds its weight, a violated one subtracts it; 100 = all matched, 50 = even.",
  "A violated hard constraint rules a profile out; profiles equal on every rule tie (never by name).",
  "Nothing is approved by this tool: the Approvers section names who must sign off.",
];

type State =
  | { phase: "loading" }
  | { phase: "ready"; decision: Decision; reports: ProfileReport[] }
  | { phase: "failed"; message: string; hint?: string };

const LIST_WIDTH = 29;

async function load(params: DecisionParams): Promise<State> {
  const missing = missingInputs(params.answers);
  if (missing.length > 0) {
    return {
      phase: "failed",
      message: `The answers lack ${missing.map((m) => `${m.label} (question ${m.question})`).join(", ")}.`,
      hint: "Finish the grill, or run `senior-backend decide` with the flags.",
    };
  }
  const loaded = await loadProfiles(params.profilesDir);
  const decision = decide(params.answers, { profiles: loaded });
  const byName = new Map(loaded.profiles.map((p) => [p.name, p]));
  const reports = decision.ranking.map((s) =>
    profileReport(params.answers, byName.get(s.profile)!, s),
  );
  return { phase: "ready", decision, reports };
}

export function DecisionScreen({ nav, params }: ScreenProps<DecisionParams>) {
  const { columns, rows } = useWindowSize();
  const [state, setState] = useState<State>({ phase: "loading" });
  const [help, setHelp] = useState(false);
  const [focus, setFocus] = useState<"profiles" | "detail">("profiles");
  const [selected, setSelected] = useState(0);
  const [scroll, setScroll] = useState(0);

  useEffect(() => {
    let live = true;
    if (!params?.answers) {
      setState({
        phase: "failed",
        message: "No answers to decide on.",
        hint: "Run the grill first.",
      });
      return;
    }
    load(params).then(
      (s) => live && setState(s),
      (error: unknown) => {
        const e = error as { message?: string; hint?: string };
        if (live) setState({ phase: "failed", message: e.message ?? String(error), hint: e.hint });
      },
    );
    return () => {
      live = false;
    };
  }, [params]);

  const ready = state.phase === "ready" ? state : undefined;
  const detailWidth = Math.max(20, columns - LIST_WIDTH - 1);
  const paneHeight = Math.max(3, rows - 5);
  const report = ready?.reports[selected];
  const detail = useMemo(
    () => (ready && report ? decisionDetail(ready.decision, report, detailWidth) : undefined),
    [ready, report, detailWidth],
  );
  const maxScroll = Math.max(0, (detail?.lines.length ?? 0) - paneHeight);
  const top = Math.min(scroll, maxScroll);

  const switchPane = () => setFocus((f) => (f === "profiles" ? "detail" : "profiles"));
  useDecideKeys(
    { help, panes: { focus, ready: Boolean(ready) } },
    {
      toggleHelp: () => setHelp((h) => !h),
      quit: () =>
        nav.quit({
          summary: ready
            ? `${decisionSummary(ready.decision)}${params?.source ? `\nAnswers: ${params.source}` : ""}`
            : undefined,
        }),
      back: () => (focus === "detail" ? setFocus("profiles") : nav.back()),
      move: (delta) => {
        const count = ready?.reports.length ?? 0;
        setSelected((s) => Math.max(0, Math.min(count - 1, s + delta)));
        setScroll(0);
      },
      scroll: (delta) => setScroll(Math.max(0, Math.min(maxScroll, top + delta))),
      section: (direction) => {
        const starts = detail?.sections.map((s) => Math.min(s.start, maxScroll)) ?? [];
        const next =
          direction > 0 ? starts.find((s) => s > top) : [...starts].reverse().find((s) => s < top);
        if (next !== undefined) setScroll(next);
      },
      open: switchPane,
      switchPane,
    },
  );

  const best = ready?.decision.best;
  const status = ready
    ? best
      ? `${ready.decision.status}: ${best.score.profile} ${best.score.fitScore.toFixed(1)}`
      : ready.decision.status
    : undefined;
  return (
    <ScreenFrame
      title="decision"
      status={status}
      keys={KEYS}
      helpKeys={HELP_KEYS}
      helpNotes={HELP_NOTES}
      showHelp={help}
    >
      {state.phase === "loading" ? <Text color={tone("muted")}>Ranking the profiles…</Text> : null}
      {state.phase === "failed" ? (
        <Box flexDirection="column">
          <Text color={tone("bad")} wrap="wrap">
            {glyph.kill} {state.message}
          </Text>
          {state.hint ? (
            <Text color={tone("muted")} wrap="wrap">
              {state.hint}
            </Text>
          ) : null}
          <Text color={tone("muted")}>Esc goes back, q quits.</Text>
        </Box>
      ) : null}
      {ready && detail ? (
        <Box flexDirection="column">
          <Banner decision={ready.decision} source={params?.source} width={columns} />
          <Box>
            <Box flexDirection="column" width={LIST_WIDTH} marginRight={1}>
              <Text
                bold={focus === "profiles"}
                color={tone(focus === "profiles" ? "accent" : "muted")}
              >
                {focus === "profiles" ? "[Profiles]" : " Profiles "}
              </Text>
              <ProfileList decision={ready.decision} selected={selected} height={paneHeight} />
            </Box>
            <Box flexDirection="column" width={detailWidth}>
              <Box justifyContent="space-between">
                <Text
                  bold={focus === "detail"}
                  color={tone(focus === "detail" ? "accent" : "muted")}
                  wrap="truncate-end"
                >
                  {focus === "detail" ? "[" : " "}
                  {report?.score.profile} · {sectionAt(detail.sections, top)}
                  {focus === "detail" ? "]" : " "}
                </Text>
                {maxScroll > 0 ? (
                  <Box flexShrink={0} marginLeft={1}>
                    <Text color={tone("muted")}>{Math.round((top / maxScroll) * 100)}%</Text>
                  </Box>
                ) : null}
              </Box>
              <ScrollLines
                lines={detail.lines}
                offset={top}
                height={paneHeight}
                width={detailWidth}
              />
            </Box>
          </Box>
        </Box>
      ) : null}
    </ScreenFrame>
  );
}

function sectionAt(sections: Array<{ title: string; start: number }>, line: number): string {
  let title = sections[0]?.title ?? "";
  for (const s of sections) if (s.start <= line) title = s.title;
  return title;
}

function Banner({
  decision,
  source,
  width,
}: {
  decision: Decision;
  source?: string;
  width: number;
}) {
  const kills = decision.kills.length;
  const skipped = decision.profileErrors.length;
  const statusTone =
    decision.status === "recommended" ? "ok" : decision.status === "tie" ? "warn" : "bad";
  return (
    <Box width={width} flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={tone(statusTone)} bold>
          {decision.status}
        </Text>
        <Text> — {decision.summary}</Text>
      </Text>
      <Text wrap="truncate-end">
        {kills > 0 ? (
          <Text color={tone("bad")} bold>
            {glyph.kill} {kills} kill criteri{kills === 1 ? "on" : "a"} tripped (top of the detail
            pane)
          </Text>
        ) : (
          <Text color={tone("ok")}>{glyph.ok} no kill criteria tripped</Text>
        )}
        {skipped > 0 ? (
          <Text color={tone("warn")}>
            {" "}
            · {glyph.warn} {skipped} profile problem{skipped === 1 ? "" : "s"}
          </Text>
        ) : null}
        {source ? <Text color={tone("muted")}> · {source}</Text> : null}
      </Text>
    </Box>
  );
}

function ProfileList({
  decision,
  selected,
  height,
}: {
  decision: Decision;
  selected: number;
  height: number;
}) {
  const perPage = Math.max(1, Math.floor(height / 2));
  const start = Math.max(0, selected - perPage + 1);
  const shown = decision.ranking.slice(start, start + perPage);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {shown.map((s, i) => {
        const index = start + i;
        const isSelected = index === selected;
        const tag =
          s.profile === decision.best?.score.profile
            ? " best"
            : s.profile === decision.runnerUp?.score.profile
              ? " runner-up"
              : decision.tied.includes(s.profile)
                ? " tied"
                : s.eligible
                  ? ""
                  : " ruled out";
        return (
          <Box key={s.profile} flexDirection="column">
            <Text
              bold={isSelected}
              color={isSelected ? tone("accent") : undefined}
              wrap="truncate-end"
            >
              {isSelected ? glyph.selected : glyph.unselected} {s.profile}
            </Text>
            <Text wrap="truncate-end">
              {"  "}
              <FitBar score={s.fitScore} />
              <Text color={tone("muted")}>{tag}</Text>
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
