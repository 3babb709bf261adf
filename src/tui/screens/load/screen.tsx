import { Box, Text, useWindowSize } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  DEMO_DEFAULTS,
  type Gates,
  type LoadOutcome,
  type LoadPlan,
  planLoad,
} from "../../../engine/load/index.js";
import { EXIT } from "../../../report/exit-codes.js";
import { loadReportText } from "../../../report/load-report-text.js";
import { FieldForm } from "../../kit/field-form.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { type PaneLine, ScrollLines } from "../../kit/scroll-lines.js";
import { glyph, tone } from "../../kit/theme.js";
import { type ScreenProps, useInterruptHandler } from "../../navigation.js";
import { LoadLive } from "./live-panel.js";
import { latencyLimits } from "./live-series.js";
import { useLoadKeys } from "./use-keys.js";
import { type LoadSetup, useLoadRun } from "./use-run.js";

/** Opened by `load URL …` in a terminal (plan set) or from the home menu (the form). */
export interface LoadScreenParams {
  plan?: LoadPlan;
  gates?: Gates;
  save?: string;
  output?: string;
  timeseries?: string;
  report?: string;
  hdrLog?: string;
  startAt?: number;
}

const WINDOWS = [10, 30, 60, 120, 300, 600];
const FIELDS = [
  { key: "url", label: "URL", placeholder: "empty = built-in demo target" },
  { key: "concurrency", label: "connections", placeholder: "10" },
  { key: "duration", label: "duration (s)", placeholder: "10" },
];

const KEYS = {
  form: [
    { key: "Enter", label: "start" },
    { key: "Tab", label: "next field" },
    { key: "Esc", label: "back" },
    { key: "Ctrl+C", label: "quit" },
  ],
  running: [
    { key: "q", label: "stop & quit" },
    { key: "Ctrl+C", label: "stop" },
    { key: "+/-", label: "window" },
    { key: "?", label: "help" },
  ],
  done: [
    { key: "↑↓/jk", label: "scroll" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
};

const HELP = [
  { key: "Ctrl+C", label: "stop the run now and show its summary" },
  { key: "q", label: "stop (if running) and quit; the summary is printed after leaving" },
  { key: "+ / -", label: "widen / narrow the charts' time window" },
  { key: "↑↓ / j k", label: "scroll the summary" },
  { key: "Esc", label: "back" },
];

export function LoadScreen({ nav, params }: ScreenProps<LoadScreenParams>) {
  const { columns, rows } = useWindowSize();
  // The exit code for an outcome, read when the run's files are written.
  const exitCodeRef = useRef<(o: LoadOutcome) => number>(() => EXIT.ok);
  const initial = useMemo<LoadSetup | undefined>(
    () =>
      params?.plan
        ? {
            plan: params.plan,
            gates: params.gates ?? {},
            save: params.save,
            output: params.output,
            timeseries: params.timeseries,
            report: params.report,
            hdrLog: params.hdrLog,
            startAt: params.startAt,
            exitCode: (o: LoadOutcome) => exitCodeRef.current(o),
          }
        : undefined,
    [params],
  );
  const [setup, setSetup] = useState(initial);
  const [form, setForm] = useState<Record<string, string>>({
    url: "",
    concurrency: "",
    duration: "",
  });
  // What was typed, ahead of the render (Enter can arrive with the last keys).
  const typed = useRef(form);
  const [focus, setFocus] = useState(0);
  const [formError, setFormError] = useState<string>();
  const [help, setHelp] = useState(false);
  const [windowIndex, setWindowIndex] = useState(2);
  const [offset, setOffset] = useState(0);
  const quitWhenDone = useRef(false);
  const interrupted = useRef(false);
  const terminated = useRef(false);
  const interruptCode = () => (terminated.current ? EXIT.terminated : EXIT.interrupted);
  const exitCodeFor = (o: LoadOutcome) =>
    interrupted.current ? interruptCode() : o.verdict.passed ? EXIT.ok : EXIT.gateFailed;
  exitCodeRef.current = exitCodeFor;
  const { state, stop } = useLoadRun(setup);
  const outcome = state.outcome;
  const phase = !setup ? "form" : outcome || state.error ? "done" : "running";

  const summary = useMemo(() => (outcome ? loadReportText(outcome) : undefined), [outcome]);
  const exitCode = state.error
    ? EXIT.usage
    : outcome
      ? exitCodeFor(outcome)
      : interrupted.current
        ? interruptCode()
        : EXIT.ok;
  useEffect(() => {
    if (!outcome && !state.error) return;
    nav.setSummary(summary ?? `error: ${state.error}`);
    if (quitWhenDone.current) nav.quit({ summary: summary ?? `error: ${state.error}`, exitCode });
  }, [outcome, state.error, summary, nav, exitCode]);

  const stopRef = useRef(stop);
  stopRef.current = stop;
  // SIGTERM (timeout, CI, kill) does what q does while running: stop, then leave with the
  // summary (files written) and 143.
  const quitRef = useRef<() => void>(() => {});
  useEffect(() => {
    const onTerm = function loadScreenSigterm() {
      terminated.current = true;
      interrupted.current = true;
      quitRef.current();
    };
    process.on("SIGTERM", onTerm);
    return () => {
      process.off("SIGTERM", onTerm);
    };
  }, []);
  useInterruptHandler(
    useCallback(() => {
      if (!stopRef.current()) return false;
      interrupted.current = true;
      return true;
    }, []),
  );

  const submit = () => {
    try {
      const f = typed.current;
      const url = f.url!.trim();
      const plan = planLoad({
        url: url || "http://127.0.0.1/",
        concurrency: f.concurrency!.trim() || undefined,
        duration: f.duration!.trim() || undefined,
      });
      setSetup({
        plan,
        gates: {},
        demo: url ? undefined : DEMO_DEFAULTS,
        exitCode: (o) => exitCodeRef.current(o),
      });
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  };

  const bodyHeight = Math.max(4, rows - 2);
  const summaryLines = useMemo<PaneLine[]>(() => {
    const text = summary ?? (state.error ? `error: ${state.error}` : "");
    return text
      .replace(/\u001b\[\d+m/g, "")
      .split("\n")
      .flatMap((line) => fitLine(line, columns))
      .map((text) => ({
        text,
        tone: text.startsWith("✖") ? "bad" : text.startsWith("✔") ? "ok" : undefined,
      }));
  }, [summary, state.error, columns]);

  const quit = () => {
    if (phase === "running") {
      quitWhenDone.current = true;
      if (!stop()) nav.quit({ summary, exitCode });
      return;
    }
    nav.quit({
      summary: summary ?? (state.error ? `error: ${state.error}` : undefined),
      exitCode,
    });
  };
  quitRef.current = quit;
  const limits = useMemo(() => latencyLimits(setup?.gates ?? {}), [setup]);

  useLoadKeys({
    phase,
    helpShown: help,
    toggleHelp: () => setHelp((h) => !h),
    back: () => nav.back(),
    nextField: () => setFocus((f) => (f + 1) % FIELDS.length),
    quit,
    zoom: (d) => setWindowIndex((i) => Math.min(WINDOWS.length - 1, Math.max(0, i + d))),
    scroll: (d) =>
      setOffset((o) => Math.min(Math.max(0, summaryLines.length - bodyHeight), Math.max(0, o + d))),
  });

  const progress = state.progress;
  const status =
    phase === "running" && progress
      ? `${(progress.elapsedMs / 1000).toFixed(1)} s · ${progress.requests.toLocaleString("en-US")} req`
      : outcome
        ? outcome.verdict.passed
          ? `${glyph.ok} passed`
          : `${glyph.kill} failed`
        : undefined;

  return (
    <ScreenFrame title="load" status={status} keys={KEYS[phase]} helpKeys={HELP} showHelp={help}>
      {phase === "form" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text wrap="wrap">
            HTTP load test with live latency charts. Leave the URL empty to load the built-in demo
            target (127.0.0.1, ~{DEMO_DEFAULTS.latencyMs} ms, {DEMO_DEFAULTS.errorRate * 100}%
            errors). Only load servers you are allowed to test.
          </Text>
          <Box marginTop={1}>
            <FieldForm
              fields={FIELDS}
              values={form}
              focus={focus}
              focused
              onChange={(key, value) => {
                typed.current = { ...typed.current, [key]: value };
                setForm(typed.current);
                setFormError(undefined);
              }}
              onEnter={() => submit()}
            />
          </Box>
          {formError ? (
            <Box marginTop={1}>
              <Text color={tone("bad")} wrap="wrap">
                {formError}
              </Text>
            </Box>
          ) : null}
        </Box>
      ) : phase === "running" ? (
        progress && setup ? (
          <LoadLive
            plan={setup.plan}
            url={state.url ?? setup.plan.url}
            progress={progress}
            windowSec={WINDOWS[windowIndex]!}
            width={columns}
            height={bodyHeight}
            limits={limits}
          />
        ) : (
          <Text>Starting…</Text>
        )
      ) : (
        <ScrollLines lines={summaryLines} offset={offset} height={bodyHeight} width={columns} />
      )}
    </ScreenFrame>
  );
}

/** Keep a summary line's spacing; only lines wider than the pane break (at a space), indented. */
function fitLine(line: string, width: number): string[] {
  const out: string[] = [];
  const indent = `${/^\s*/.exec(line)?.[0] ?? ""}    `;
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(" ", width);
    const at = cut > indent.length ? cut : width;
    out.push(rest.slice(0, at));
    rest = `${indent}${rest.slice(at).trimStart()}`;
  }
  out.push(rest);
  return out;
}
