import { Box, Text, useWindowSize } from "ink";
import { useCallback, useState } from "react";
import { FRAMEWORKS, type Framework } from "../../../engine/scaffold/index.js";
import { scaffoldResultText } from "../../../report/scaffold-result-text.js";
import { ProgressBar } from "../../kit/progress-bar.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { ScrollLines } from "../../kit/scroll-lines.js";
import { glyph, tone } from "../../kit/theme.js";
import { type ScreenProps, useInterruptHandler } from "../../navigation.js";
import { resultLines } from "./result-lines.js";
import { ScaffoldForm, type ScaffoldFormValues } from "./scaffold-form.js";
import { type ScaffoldPhase, useScaffoldKeys } from "./use-keys.js";
import { type ScaffoldJob, useScaffoldRun } from "./use-run.js";

export interface ScaffoldParams {
  source?: string;
  framework?: Framework;
  outputDir?: string;
}

const KEYS: Record<ScaffoldPhase, Array<{ key: string; label: string }>> = {
  form: [
    { key: "Tab/↑↓", label: "row" },
    { key: "←→", label: "framework" },
    { key: "Enter", label: "next/start" },
    { key: "Esc", label: "back" },
    { key: "Ctrl+C", label: "quit" },
  ],
  running: [
    { key: "s/Esc", label: "stop" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  result: [
    { key: "↑↓/jk", label: "scroll" },
    { key: "n", label: "new" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
};

const HELP = [
  { key: "Tab / ↑↓", label: "move between the rows of the form" },
  { key: "← → / Space", label: "pick the framework" },
  { key: "Enter", label: "next row; on the last row, start" },
  { key: "s / Esc", label: "stop a running scaffold" },
  { key: "↑↓ / j k", label: "scroll the list of files" },
  { key: "n", label: "scaffold again (the form keeps what you typed)" },
  { key: "q / Ctrl+C", label: "quit (the result is printed after the app closes)" },
];

export function ScaffoldScreen({ nav, params }: ScreenProps<ScaffoldParams>) {
  const { columns, rows } = useWindowSize();
  const [values, setValues] = useState<ScaffoldFormValues>({
    source: params?.source ?? "",
    framework: params?.framework ?? "express",
    outputDir: params?.outputDir ?? "src/routes/",
  });
  const [focus, setFocus] = useState(0);
  const [formError, setFormError] = useState<string>();
  const [job, setJob] = useState<ScaffoldJob>();
  const [help, setHelp] = useState(false);
  const [scroll, setScroll] = useState(0);
  const { progress, stop } = useScaffoldRun(job);
  const phase: ScaffoldPhase = !job ? "form" : progress.phase === "running" ? "running" : "result";

  useInterruptHandler(useCallback(() => stop(), [stop]));

  const start = () => {
    if (!values.source.trim()) {
      setFocus(0);
      return setFormError("give an OpenAPI spec file or a postgres:// database URL");
    }
    if (!values.outputDir.trim()) {
      setFocus(2);
      return setFormError("give the folder to write into, e.g. src/routes/");
    }
    setFormError(undefined);
    setScroll(0);
    setJob({ ...values, outputDir: values.outputDir.trim() });
  };
  const summary = () =>
    progress.result && job
      ? scaffoldResultText(progress.result, { check: false, outputLabel: job.outputDir })
      : undefined;

  const bodyHeight = Math.max(3, rows - 5);
  const lines = progress.result && job ? resultLines(progress.result, job.outputDir, columns) : [];
  const maxScroll = Math.max(0, lines.length - bodyHeight);

  useScaffoldKeys({
    phase,
    helpShown: help,
    focus,
    toggleHelp: () => setHelp((h) => !h),
    back: () => (phase === "result" ? setJob(undefined) : nav.back()),
    quit: () => nav.quit({ summary: summary() }),
    moveFocus: (d) => setFocus((f) => (f + d + 3) % 3),
    cycleFramework: (d) =>
      setValues((v) => {
        const i = FRAMEWORKS.indexOf(v.framework);
        return { ...v, framework: FRAMEWORKS[(i + d + FRAMEWORKS.length) % FRAMEWORKS.length]! };
      }),
    confirmFramework: () => setFocus(2),
    stop: () => void stop(),
    scroll: (d) => setScroll((s) => Math.max(0, Math.min(maxScroll, s + d))),
    again: () => setJob(undefined),
  });

  const status =
    phase === "running"
      ? `${progress.done}/${progress.total || "?"} files`
      : progress.result
        ? `${progress.result.files.length} files · ${progress.result.framework}`
        : undefined;
  return (
    <ScreenFrame
      title="scaffold"
      status={status}
      keys={KEYS[phase]}
      helpKeys={HELP}
      showHelp={help}
    >
      {phase === "form" ? (
        <ScaffoldForm
          values={values}
          focus={focus}
          focused={!help}
          error={formError}
          onChange={(v) => {
            setValues(v);
            setFormError(undefined);
          }}
          onEnter={(row) => (row === 2 ? start() : setFocus(row + 1))}
        />
      ) : phase === "running" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text wrap="truncate-middle">Scaffolding {job?.source} …</Text>
          <ProgressBar
            fraction={progress.total ? progress.done / progress.total : 0}
            width={columns}
            label={progress.path}
          />
          <Text color={tone("muted")}>s or Esc stops.</Text>
        </Box>
      ) : progress.result ? (
        <Box flexDirection="column">
          <Text color={tone("ok")} wrap="truncate-end">
            {glyph.ok} {progress.result.handlers} route handler(s) for {progress.result.framework}{" "}
            in {job?.outputDir}
          </Text>
          <ScrollLines
            lines={lines}
            offset={Math.min(scroll, maxScroll)}
            height={bodyHeight}
            width={columns}
          />
        </Box>
      ) : (
        <Box flexDirection="column" paddingY={1}>
          <Text color={tone("bad")} wrap="wrap">
            {progress.phase === "stopped"
              ? "stopped: nothing more was written"
              : `error: ${progress.error}`}
          </Text>
          {progress.hint ? (
            <Text color={tone("muted")} wrap="wrap">
              hint: {progress.hint}
            </Text>
          ) : null}
          <Text color={tone("muted")}>Esc or n goes back to the form, q quits.</Text>
        </Box>
      )}
    </ScreenFrame>
  );
}
