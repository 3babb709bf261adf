import type { AuditReport, Finding } from "../engine/audit/index.js";
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
  if (report.stoppedEarly === "max-requests") {
    lines.push(
      paint(
        `stopped early: the request budget (--max-requests ${report.maxRequests}) ran out`,
        "yellow",
      ),
    );
  } else if (report.stoppedEarly === "interrupted") {
    lines.push(paint("stopped early: interrupted; the findings so far follow", "yellow"));
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
    lines.push(`          see:      ${f.reference}`);
  }
  if (report.findings.length === 0) lines.push("No findings.");
  const { error, warning, info } = report.counts;
  const gate = report.findings.some(
    (f) => f.severity === "error" || (failOn === "warning" && f.severity === "warning"),
  );
  lines.push("");
  lines.push(
    `${error} error(s), ${warning} warning(s), ${info} info — ${gate ? paint(`fails --fail-on ${failOn}`, "red") : paint(`passes --fail-on ${failOn}`, "green")}`,
  );
  return lines.join("\n");
}
