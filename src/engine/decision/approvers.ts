import { type Answers, SENSITIVITY_RANK } from "./answers.js";
import type { Approval, Approver, Profile } from "./profile.js";

export interface ApprovalRequirement extends Approval {
  /** Titles in the chain that still need a person's name. */
  unnamed: string[];
}

/** Who must approve what. The tool never approves anything itself. */
export interface ApproverPlan {
  autoApproved: false;
  statement: string;
  approvals: ApprovalRequirement[];
}

export const NEVER_AUTO_APPROVES =
  "Nothing here is approved by this tool: each change below needs the sign-off of the people listed.";

const REGULATED_CHANGES = new Set(["production-schema-change", "auth-change"]);

function withAnswers(approval: Approval, answers: Answers): Approval {
  const chain: Approver[] = approval.chain.map((a) => ({ ...a }));
  const complianceOwner = answers.complianceOwner?.trim();
  const regulated =
    answers.dataSensitivity !== undefined && SENSITIVITY_RANK[answers.dataSensitivity] >= 3;
  if (
    regulated &&
    REGULATED_CHANGES.has(approval.change) &&
    !chain.some((a) => a.role === "compliance-owner")
  ) {
    chain.push({ role: "compliance-owner", title: "Compliance owner" });
  }
  for (const a of chain) {
    if (a.role === "compliance-owner" && !a.name && complianceOwner) a.name = complianceOwner;
  }
  return { ...approval, chain };
}

/** The profile's approver chains, with the people the answers named filled in. */
export function approverPlan(answers: Answers, profile: Profile): ApproverPlan {
  const approvals = profile.approvals.map((a) => withAnswers(a, answers));
  const owner = answers.errorBudgetOwner?.trim();
  if (!approvals.some((a) => a.change === "slo-change")) {
    approvals.push({
      change: "slo-change",
      title: "SLO or error-budget policy change",
      chain: [
        {
          role: "error-budget-owner",
          title: "Error-budget owner",
          ...(owner ? { name: owner } : {}),
        },
        { role: "on-call", title: "On-call engineer" },
      ],
    });
  }
  return {
    autoApproved: false,
    statement: NEVER_AUTO_APPROVES,
    approvals: approvals.map((a) => ({
      ...a,
      unnamed: a.chain.filter((p) => !p.name).map((p) => p.title),
    })),
  };
}
