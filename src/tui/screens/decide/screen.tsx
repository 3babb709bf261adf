import { Box, Text, useWindowSize } from "ink";
import { useEffect, useState } from "react";
import {
  listTranscripts,
  readTranscript,
  type TranscriptListing,
} from "../../../engine/grill/index.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { glyph, tone } from "../../kit/theme.js";
import type { ScreenProps } from "../../navigation.js";
import type { DecisionParams } from "./decision-screen.js";
import { useDecideKeys } from "./use-keys.js";

export interface DecideParams {
  /** Folder to look in for grill transcripts (default: the grill's, /tmp). */
  dir?: string;
  /** Rank the profiles in this folder instead of the shipped ones. */
  profilesDir?: string;
}

const KEYS = [
  { key: "↑↓", label: "move" },
  { key: "Enter", label: "decide" },
  { key: "?", label: "help" },
  { key: "Esc", label: "back" },
  { key: "q", label: "quit" },
];

const HELP_KEYS = [
  { key: "↑↓ / j k", label: "choose a transcript" },
  { key: "Enter", label: "rank the profiles for its answers" },
  { key: "Esc", label: "back to the menu" },
  { key: "?", label: "this help" },
  { key: "q", label: "quit" },
];

const STATUS: Record<
  TranscriptListing["status"],
  { label: string; tone: "ok" | "warn" | "bad" | "muted" }
> = {
  complete: { label: "complete", tone: "ok" },
  "in-progress": { label: "in progress", tone: "warn" },
  killed: { label: "stopped by a kill", tone: "bad" },
  unreadable: { label: "unreadable", tone: "muted" },
};

type State =
  | { phase: "loading" }
  | { phase: "ready"; transcripts: TranscriptListing[] }
  | { phase: "failed"; message: string };

/** Home-menu entry: pick a saved grill transcript and open the decision screen for it. */
export function DecideScreen({ nav, params = {} }: ScreenProps<DecideParams>) {
  const { rows } = useWindowSize();
  const [state, setState] = useState<State>({ phase: "loading" });
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    listTranscripts(params.dir).then(
      (transcripts) => live && setState({ phase: "ready", transcripts }),
      (error: unknown) => live && setState({ phase: "failed", message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [params.dir]);

  const transcripts = state.phase === "ready" ? state.transcripts : [];
  useDecideKeys(
    { help },
    {
      toggleHelp: () => setHelp((h) => !h),
      quit: () => nav.quit(),
      back: () => nav.back(),
      move: (delta) => setSelected((s) => Math.max(0, Math.min(transcripts.length - 1, s + delta))),
      open: () => {
        const chosen = transcripts[selected];
        if (!chosen) return;
        readTranscript(chosen.path).then(
          (t) => {
            const next: DecisionParams = {
              answers: t.answers,
              source: chosen.path,
              profilesDir: params.profilesDir,
            };
            nav.open("decision", next);
          },
          (error: unknown) => setMessage((error as Error).message ?? String(error)),
        );
      },
    },
  );

  const room = Math.max(1, rows - 8);
  const start = Math.max(0, selected - room + 1);
  return (
    <ScreenFrame title="decide" keys={KEYS} helpKeys={HELP_KEYS} showHelp={help}>
      <Box flexDirection="column" paddingY={1}>
        <Text>Rank the profiles for a saved grill. Transcripts, newest first:</Text>
        {state.phase === "loading" ? (
          <Text color={tone("muted")}>Looking for transcripts…</Text>
        ) : null}
        {state.phase === "failed" ? <Text color={tone("bad")}>{state.message}</Text> : null}
        {state.phase === "ready" && transcripts.length === 0 ? (
          <Box flexDirection="column" marginTop={1}>
            <Text>No grill transcripts (/tmp/backend-grill-*.md) yet. Make one:</Text>
            <Text wrap="truncate-end">
              {"  "}
              {glyph.bullet} Grill on the home menu (Esc, then Grill)
            </Text>
            <Text wrap="truncate-end">
              {"  "}
              {glyph.bullet} without a terminal: senior-backend grill --answers answers.yaml
            </Text>
            <Text wrap="truncate-end">
              {"  "}
              {glyph.bullet} or decide from flags: senior-backend decide --help
            </Text>
          </Box>
        ) : null}
        <Box flexDirection="column" marginTop={1}>
          {transcripts.slice(start, start + room).map((t, i) => {
            const isSelected = start + i === selected;
            const s = STATUS[t.status];
            return (
              <Text key={t.path} wrap="truncate-end" bold={isSelected}>
                <Text color={isSelected ? tone("accent") : undefined}>
                  {isSelected ? glyph.selected : glyph.unselected} {t.date}
                </Text>
                <Text color={tone(s.tone)}> {s.label.padEnd(17)}</Text>
                <Text color={tone("muted")}> {t.path}</Text>
              </Text>
            );
          })}
        </Box>
        {message ? (
          <Text color={tone("bad")} wrap="wrap">
            {glyph.kill} {message}
          </Text>
        ) : null}
      </Box>
    </ScreenFrame>
  );
}
