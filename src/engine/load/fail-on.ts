import { UserError } from "../shared/index.js";
import type { LoadReport, Percentiles } from "./types.js";

type Op = ">" | ">=" | "<" | "<=";
const LATENCY: Record<string, keyof Percentiles> = {
  min: "min",
  mean: "mean",
  p50: "p50",
  p90: "p90",
  p95: "p95",
  p99: "p99",
  "p99.9": "p999",
  p999: "p999",
  max: "max",
};

/** One `--fail-on` condition; the run fails when it holds. */
export interface Threshold {
  text: string;
  metric: string;
  op: Op;
  value: number;
  unit: "ms" | "%" | "count" | "rps" | "flag";
  /** 1-based ramp stage the condition is about (`stage2.p99>250ms`); the whole run when absent. */
  stage?: number;
}

export interface ThresholdResult {
  threshold: string;
  /** The measured value in the threshold's unit; null when nothing could be measured. */
  actual: number | null;
  breached: boolean;
  detail: string;
}

const GRAMMAR_HINT =
  'write conditions that fail the run, separated by commas: "p99>250ms,errors>1%,rps<500" (latency p50|p90|p95|p99|p99.9|max|mean in ms/s/us, errors in % or a count, rps, regression; prefix stageN. for one --ramp stage: stage2.p99>250ms)';

/** Metrics a stage has (its results keep fewer percentiles than the whole run). */
const STAGE_METRICS = new Set(["p50", "p90", "p99", "max", "errors", "rps"]);

/** Parse `--fail-on "p99>250ms,errors>1%,rps<500,regression"`. */
export function parseFailOn(text: string): Threshold[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UserError("--fail-on is empty", { hint: GRAMMAR_HINT });
  return parts.map((part) => {
    if (part.toLowerCase() === "regression")
      return { text: part, metric: "regression", op: ">", value: 0, unit: "flag" };
    const staged = /^stage(\d+)\.(.*)$/i.exec(part);
    if (staged) {
      const stage = Number(staged[1]);
      if (stage < 1) throw new UserError(`--fail-on: stages count from 1 in "${part}"`);
      const inner = parseOne(staged[2]!, part);
      if (!STAGE_METRICS.has(inner.metric))
        throw new UserError(`--fail-on: a stage has no "${inner.metric}" in "${part}"`, {
          hint: "per stage: p50, p90, p99, max, errors, rps",
        });
      return { ...inner, text: part, stage };
    }
    return parseOne(part, part);
  });
}

function parseOne(part: string, whole: string): Threshold {
  const m = /^([a-z0-9.]+)\s*(>=|<=|>|<)\s*(\d+(?:\.\d+)?)\s*(ms|s|us|%|rps)?$/i.exec(part);
  if (!m) throw new UserError(`--fail-on: cannot read "${whole}"`, { hint: GRAMMAR_HINT });
  const metric = m[1]!.toLowerCase();
  const op = m[2] as Op;
  let value = Number(m[3]);
  const unit = m[4]?.toLowerCase();
  if (metric in LATENCY) {
    if (unit && !["ms", "s", "us"].includes(unit))
      throw new UserError(`--fail-on: "${part}" needs a time unit`, { hint: GRAMMAR_HINT });
    if (unit === "s") value *= 1000;
    if (unit === "us") value /= 1000;
    return { text: part, metric, op, value, unit: "ms" };
  }
  if (metric === "errors") {
    if (unit && unit !== "%")
      throw new UserError(`--fail-on: "${part}" takes % or a count`, { hint: GRAMMAR_HINT });
    return { text: part, metric, op, value, unit: unit === "%" ? "%" : "count" };
  }
  if (metric === "rps") {
    if (unit && unit !== "rps")
      throw new UserError(`--fail-on: "${part}" takes requests/s`, { hint: GRAMMAR_HINT });
    return { text: part, metric, op, value, unit: "rps" };
  }
  throw new UserError(`--fail-on: unknown metric "${m[1]}"`, { hint: GRAMMAR_HINT });
}

/** Thresholds that name a stage the run does not have are input errors, found before any traffic. */
export function checkStageThresholds(thresholds: Threshold[], stageCount: number): void {
  for (const t of thresholds) {
    if (t.stage === undefined || t.stage <= stageCount) continue;
    throw new UserError(
      stageCount === 0
        ? `--fail-on ${t.text} names a stage, but the run has no --ramp`
        : `--fail-on ${t.text}: the --ramp has ${stageCount} stage${stageCount === 1 ? "" : "s"}`,
      { hint: "stages count from 1 in the order --ramp lists them" },
    );
  }
}

function holds(actual: number, op: Op, value: number): boolean {
  if (op === ">") return actual > value;
  if (op === ">=") return actual >= value;
  if (op === "<") return actual < value;
  return actual <= value;
}

/** Judge each threshold against a report; latency is that of successful responses. */
export function evaluateThresholds(
  thresholds: Threshold[],
  report: LoadReport,
  context: { regressed?: boolean } = {},
): ThresholdResult[] {
  return thresholds.map((t) => {
    if (t.unit === "flag") {
      if (context.regressed === undefined)
        return {
          threshold: t.text,
          actual: null,
          breached: false,
          detail: "no baseline to compare",
        };
      return {
        threshold: t.text,
        actual: context.regressed ? 1 : 0,
        breached: context.regressed,
        detail: context.regressed ? "regressed against the baseline" : "no regression",
      };
    }
    if (t.stage !== undefined) return evaluateStage(t, report);
    let actual: number | null;
    if (t.metric in LATENCY) actual = report.latency.success?.[LATENCY[t.metric]!] ?? null;
    else if (t.metric === "errors")
      actual = t.unit === "%" ? Math.round(report.errorRate * 100_000) / 1000 : report.failures;
    else actual = report.rps;
    if (actual === null) {
      return {
        threshold: t.text,
        actual,
        breached: true,
        detail: "no successful responses to measure",
      };
    }
    const breached = holds(actual, t.op, t.value);
    const unit =
      t.unit === "count" ? "" : t.unit === "rps" ? " req/s" : t.unit === "%" ? "%" : " ms";
    return {
      threshold: t.text,
      actual,
      breached,
      detail: `${t.metric} was ${actual}${unit}`,
    };
  });
}

function unitText(t: Threshold): string {
  return t.unit === "count" ? "" : t.unit === "rps" ? " req/s" : t.unit === "%" ? "%" : " ms";
}

/** A threshold about one ramp stage. */
function evaluateStage(t: Threshold, report: LoadReport): ThresholdResult {
  const stage = report.stages?.find((s) => s.stage === t.stage);
  if (!stage)
    return {
      threshold: t.text,
      actual: null,
      breached: true,
      detail: `stage ${t.stage} did not run`,
    };
  let actual: number | null;
  if (t.metric === "errors")
    actual = t.unit === "%" ? Math.round(stage.errorRate * 100_000) / 1000 : stage.errors;
  else if (t.metric === "rps") actual = stage.rps;
  else actual = stage[t.metric as "p50" | "p90" | "p99" | "max"];
  if (actual === null)
    return {
      threshold: t.text,
      actual,
      breached: true,
      detail: `no successful responses in stage ${t.stage}`,
    };
  return {
    threshold: t.text,
    actual,
    breached: holds(actual, t.op, t.value),
    detail: `stage ${t.stage} ${t.metric} was ${actual}${unitText(t)}`,
  };
}
