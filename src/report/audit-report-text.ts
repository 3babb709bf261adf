import { type AuditReport, type Finding, failsGate } from "../engine/audit/index.js";
import { paint } from "./style.js";

const GLYPH: Record<Finding["severity"], string> = { error: "✖", warning: "!", info: "i" };

/** The audit report as text for stdout. */
export function auditReportText(report: AuditReport, failOn: "warning" | "error"): string {
  const lines: string[] = [];
  lines.push(
    paint(
      `audit of ${report.target} — ${report.requestsSent} requests, ${report.checksRun.length} checks, ${(report.durationMs / 1000).toFixed(1)} s`,
      "bold",
    ),
  );
  const unfinished = report.checks.filter((c) => c.status !== "complete");
  if (report.stoppedEarly === "interrupted") {
    lines.push(paint("stopped early: interrupted; the findings so far follow", "yellow"));
  } else if (report.stoppedEarly === "max-requests") {
    lines.push(
      paint(
        `stopped early: the request budget (--max-requests ${report.maxRequests}) ran out`,
        "yellow",
      ),
    );
  }
  if (unfinished.length > 0) {
    const why = {
      "max-requests": "request budget",
      timeout: "timeout",
      interrupted: "interrupted",
    };
    lines.push(
      paint(
        `incomplete: ${unfinished.map((c) => `${c.id} (${c.status === "not-run" ? "not run" : "cut short"}${c.reason ? `: ${why[c.reason]}` : ""})`).join(", ")}`,
        "yellow",
      ),
    );
  }
  lines.push("");
  for (const f of report.findings) {
    const style = f.severity === "error" ? "red" : f.severity === "warning" ? "yellow" : "dim";
    lines.push(
      `${paint(`${GLYPH[f.severity]} ${f.severity.padEnd(7)}`, style)} ${f.title}  ${paint(`[${f.id}]`, "dim")}`,
    );
    lines.push(`          request:  ${f.evidence.request}`);
    lines.push(`          response: ${f.evidence.response}`);
    lines.push(`          fix:      ${f.fix}`);
    lines.push(`          see:      ${f.doc} · ${f.reference}`);
  }
  if (report.findings.length === 0) lines.push("No findings.");
  const { error, warning, info } = report.counts;
  const gate = failsGate(report, failOn);
  const verdict =
    report.status === "incomplete"
      ? `fails --fail-on ${failOn}: the audit is incomplete`
      : `fails --fail-on ${failOn}`;
  lines.push("");
  lines.push(
    `${error} error(s), ${warning} warning(s), ${info} info — ${gate ? paint(verdict, "red") : paint(`passes --fail-on ${failOn}`, "green")}`,
  );
  return lines.join("\n");
}
