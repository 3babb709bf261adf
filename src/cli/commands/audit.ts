import { type Command, InvalidArgumentError, Option } from "commander";
import {
  type AuditOperation,
  CHECK_IDS,
  type CheckId,
  failsGate,
  operationsFromSpec,
  parseTarget,
  type RunAuditOptions,
  runAudit,
} from "../../engine/audit/index.js";
import { auditReportText } from "../../report/audit-report-text.js";
import { action } from "../action.js";
import type { CliContext } from "../context.js";
import { EXIT, isInteractive, writeJson, writeStatus, writeText } from "../output.js";
import { specLimitsFor, specSizeOption } from "../spec-size-flag.js";
import { startTui } from "../start-tui.js";

interface AuditFlags {
  spec?: string;
  maxSpecSize?: number;
  auth?: string;
  authB?: string;
  json?: boolean;
  failOn: "warning" | "error";
  maxRequests: number;
  burst: number;
  rateLimitPath?: string;
  timeout: number;
  only?: CheckId[];
  tui: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError("expected a whole number of at least 1");
  return n;
}

function checkList(value: string): CheckId[] {
  const ids = value.split(",").map((s) => s.trim()) as CheckId[];
  const bad = ids.filter((id) => !CHECK_IDS.includes(id));
  if (bad.length)
    throw new InvalidArgumentError(
      `unknown check(s) ${bad.join(", ")}; choose from ${CHECK_IDS.join(", ")}`,
    );
  return ids;
}

export function registerAuditCommand(program: Command, ctx: CliContext): void {
  program
    .command("audit")
    .description(
      "probe a running API for the security basics (headers, CORS, methods, auth, object-level authorization, validation, responses against the spec, leakage, cookies, rate limiting); requests go to the URL's origin only",
    )
    .argument("<url>", "base URL of the API, e.g. http://127.0.0.1:3000")
    .option("--spec <file>", "OpenAPI spec: negative requests are derived from every operation")
    .addOption(specSizeOption())
    .option(
      "--auth <value>",
      'Authorization header value, e.g. "Bearer eyJ…": secured operations are probed without it and with forged tokens (expired, tampered, alg:none); never printed',
    )
    .option(
      "--auth-b <value>",
      "a second user's Authorization value: objects the --auth user creates or reads must not be readable with it",
    )
    .addOption(
      new Option(
        "--fail-on <level>",
        "exit 1 when a finding is at or above this severity, or when a check could not finish (budget or timeout)",
      )
        .choices(["warning", "error"])
        .default("error"),
    )
    .option("--max-requests <n>", "never send more than this many requests", positiveInt, 300)
    .option("--burst <n>", "requests in the rate-limit burst", positiveInt, 30)
    .option(
      "--rate-limit-path <path>",
      "path on the target (or a URL of the same origin) the rate-limit burst goes to (default: the spec's cheapest GET, else the URL)",
    )
    .option("--timeout <seconds>", "per-request timeout in seconds", positiveInt, 5)
    .option("--only <checks>", `comma-separated subset of: ${CHECK_IDS.join(", ")}`, checkList)
    .option("--json", "print the report as one JSON document")
    .option("--no-tui", "print the report as text even in a terminal")
    .action(
      action(async (url: string, flags: AuditFlags) => {
        const target = parseTarget(url);
        let operations: AuditOperation[] | undefined;
        let expectsAsymmetricJwt = false;
        if (flags.spec)
          ({ operations, expectsAsymmetricJwt } = await operationsFromSpec(flags.spec, {
            limits: specLimitsFor(flags.maxSpecSize),
          }));
        const options: RunAuditOptions = {
          target,
          spec: flags.spec,
          operations,
          expectsAsymmetricJwt,
          auth: flags.auth,
          authB: flags.authB,
          burst: flags.burst,
          rateLimitPath: flags.rateLimitPath,
          maxRequests: flags.maxRequests,
          timeoutMs: flags.timeout * 1000,
          only: flags.only,
          signal: ctx.signal,
        };
        if (!flags.json && flags.tui && isInteractive()) {
          return startTui({
            screen: "audit",
            params: { options: { ...options, signal: undefined }, failOn: flags.failOn },
          });
        }
        const progress = process.stderr.isTTY && !flags.json;
        const report = await runAudit({
          ...options,
          onEvent: progress
            ? (e) => {
                if (e.type === "check-start") writeStatus(`checking ${e.check}…`);
              }
            : undefined,
        });
        if (flags.json)
          writeJson({ ...report, failOn: flags.failOn, failed: failsGate(report, flags.failOn) });
        else writeText(auditReportText(report, flags.failOn));
        if (report.stoppedEarly === "interrupted") return EXIT.interrupted;
        return failsGate(report, flags.failOn) ? EXIT.gateFailed : EXIT.ok;
      }),
    );
}
