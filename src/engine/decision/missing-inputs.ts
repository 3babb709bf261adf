import type { Answers } from "./answers.js";

/** An input the decision cannot be made without, with the flag and grill question that supply it. */
export interface RequiredInput {
  field: keyof Answers;
  flag: string;
  question: number;
  label: string;
}

export const REQUIRED_INPUTS: RequiredInput[] = [
  { field: "readWriteRatio", flag: "--read-write-ratio", question: 1, label: "read/write ratio" },
  { field: "qpsP99", flag: "--qps-p99", question: 1, label: "one-year p99 QPS" },
  { field: "tenancy", flag: "--tenancy", question: 2, label: "tenancy" },
  { field: "dataSensitivity", flag: "--data-sensitivity", question: 4, label: "data sensitivity" },
  { field: "pattern", flag: "--pattern", question: 5, label: "architecture pattern" },
  { field: "teamSize", flag: "--team-size", question: 5, label: "team size" },
];

/**
 * The required inputs the answers lack, all of them, in question order.
 * `qpsP99: null` ("we'll need to scale") is an answer: it trips a kill criterion instead.
 */
export function missingInputs(answers: Answers): RequiredInput[] {
  return REQUIRED_INPUTS.filter((r) => answers[r.field] === undefined);
}
