import { Box, Text, useWindowSize } from "ink";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  type Finding,
  failsGate,
  operationsFromSpec,
  parseTarget,
  type RunAuditOptions,
} from "../../../engine/audit/index.js";
import { auditReportText } from "../../../report/audit-report-text.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { ScrollList } from "../../kit/scroll-list.js";
import { glyph, type Tone, tone } from "../../kit/theme.js";
import { type ScreenProps, useInterruptHandler } from "../../navigation.js";
import { AuditForm, type AuditFormValues } from "./audit-form.js";
import { FindingDetail } from "./finding-detail.js";
import { useAuditKeys } from "./use-keys.js";
import { useAuditRun } from "./use-run.js";

export interface AuditScreenParams {
  options?: Omit<RunAuditOptions, "signal" | "onEvent">;
  failOn?: "warning" | "error";
}

const MARK: Record<Finding["severity"], { mark: string; tone: Tone }> = {
  error: { mark: glyph.kill, tone: "bad" },
  warning: { mark: glyph.warn, tone: "warn" },
  info: { mark: "i", tone: "info" },
};

const KEYS = {
  form: [
    { key: "Enter", label: "start" },
    { key: "Tab", label: "next field" },
    { key: "Esc", label: "back" },
    { key: "Ctrl+C", label: "quit" },
  ],
  running: [
    { key: "s", label: "stop" },
    { key: "q", label: "quit" },
    { key: "?", label: "help" },
  ],
  results: [
    { key: "↑↓/jk", label: "finding" },
    { key: "Tab", label: "detail" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
};

const HELP = [
  { key: "↑↓ / j k", label: "select a finding (or scroll the detail pane)" },
  { key: "Tab / Enter", label: "switch between the list and the detail pane" },
  { key: "s / Ctrl+C", label: "stop a running audit and keep what it found" },
  { key: "Esc", label: "back" },
  { key: "q", label: "quit and print the report" },
];

export function AuditScreen({ nav, params }: ScreenProps<AuditScreenParams>) {
  const { columns, rows } = useWindowSize();
  const failOn = params?.failOn ?? "error";
  const [options, setOptions] = useState(params?.options);
  const [form, setForm] = useState<AuditFormValues>({ url: "", spec: "" });
  // What was typed, ahead of the render (Enter can arrive with the last keys).
  const typed = useRef(form);
  const [focus, setFocus] = useState<keyof AuditFormValues>("url");
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);
  const [selected, setSelected] = useState(0);
  const [pane, setPane] = useState<"list" | "detail">("list");
  const [detailOffset, setDetailOffset] = useState(0);
  const { progress, stop } = useAuditRun(options);
  const report = progress.report;
  const phase = !options ? "form" : report || progress.error ? "results" : "running";
  const findings = report?.findings ?? [];

  useInterruptHandler(useCallback(() => stop(), [stop]));

  const submit = async () => {
    try {
      const form = typed.current;
      const target = parseTarget(form.url.trim());
      setBusy(true);
      const spec = form.spec.trim() ? await operationsFromSpec(form.spec.trim()) : undefined;
      setOptions({
        target,
        spec: form.spec.trim() || undefined,
        operations: spec?.operations,
        expectsAsymmetricJwt: spec?.expectsAsymmetricJwt,
        burst: 30,
        maxRequests: 300,
        timeoutMs: 5_000,
      });
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  useAuditKeys({
    nav: {
      ...nav,
      back: () => (phase === "form" && focus === "spec" ? setFocus("url") : nav.back()),
    },
    phase,
    helpShown: help,
    toggleHelp: () => setHelp((h) => !h),
    move: (d) => {
      if (pane === "detail") setDetailOffset((o) => Math.max(0, o + d));
      else {
        setSelected((s) => Math.min(Math.max(0, s + d), Math.max(0, findings.length - 1)));
        setDetailOffset(0);
      }
    },
    switchPane: () =>
      phase === "form"
        ? setFocus((f) => (f === "url" ? "spec" : "url"))
        : setPane((p) => (p === "list" ? "detail" : "list")),
    stop: () => stop(),
    quit: () =>
      nav.quit({
        summary: report ? auditReportText(report, failOn) : undefined,
        exitCode: report && failsGate(report, failOn) ? 1 : 0,
      }),
  });

  const bodyHeight = Math.max(4, rows - 3);
  const status = useMemo(() => {
    if (phase === "running") return `${progress.sent} requests`;
    if (report)
      return `${report.counts.error} errors · ${report.counts.warning} warnings · ${report.counts.info} info`;
    return undefined;
  }, [phase, progress.sent, report]);

  return (
    <ScreenFrame title="audit" status={status} keys={KEYS[phase]} helpKeys={HELP} showHelp={help}>
      {phase === "form" ? (
        <AuditForm
          values={form}
          focus={focus}
          error={formError}
          busy={busy}
          onChange={(v) => {
            typed.current = v;
            setForm(v);
            setFormError(undefined);
          }}
          onSubmit={() => void submit()}
        />
      ) : phase === "running" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text>Auditing {options?.target} …</Text>
          {progress.done.map((d) => (
            <Text key={d.check}>
              <Text color={tone("ok")}>{glyph.ok}</Text> {d.check.padEnd(18)} {d.findings}{" "}
              finding(s)
            </Text>
          ))}
          {progress.current && !progress.done.some((d) => d.check === progress.current) ? (
            <Text color={tone("muted")}>… {progress.current}</Text>
          ) : null}
        </Box>
      ) : progress.error ? (
        <Box flexDirection="column" paddingY={1}>
          <Text color={tone("bad")}>error: {progress.error}</Text>
          <Text color={tone("muted")}>Press Esc to go back or q to quit.</Text>
        </Box>
      ) : (
        <Box flexDirection="column">
          {report?.status === "incomplete" ? (
            <Text color={tone("warn")}>
              Incomplete (
              {report.stoppedEarly === "interrupted"
                ? "stopped by you"
                : report.stoppedEarly === "max-requests"
                  ? "request budget used up"
                  : "a request timed out"}
              ): {report.checks.filter((c) => c.status !== "complete").length} check(s) did not
              finish; findings so far:
            </Text>
          ) : null}
          <ScrollList
            items={findings}
            selected={selected}
            height={Math.max(3, Math.floor(bodyHeight * 0.45))}
            width={columns}
            focused={pane === "list"}
            look={(f) => ({
              mark: MARK[f.severity].mark,
              markTone: MARK[f.severity].tone,
              label: f.title,
            })}
          />
          <Text color={tone("muted")}>{"─".repeat(Math.max(0, columns - 1))}</Text>
          <FindingDetail
            finding={findings[selected]}
            height={Math.max(3, bodyHeight - Math.floor(bodyHeight * 0.45) - 2)}
            width={columns}
            offset={detailOffset}
          />
        </Box>
      )}
    </ScreenFrame>
  );
}
