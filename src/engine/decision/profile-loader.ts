import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { packageRoot, UserError } from "../shared/index.js";
import type { ConstraintName, NumericRange, Profile } from "./profile.js";

/** The folder holding the shipped profiles and `profile.schema.json`. */
export const DEFAULT_PROFILES_DIR = resolve(packageRoot, "profiles");
export const PROFILE_SCHEMA_FILE = "profile.schema.json";

/** A profile file that could not be used: which file, where in it (JSON pointer), and what is wrong. */
export interface ProfileError {
  file: string;
  pointer: string;
  message: string;
}

export interface LoadedProfiles {
  dir: string;
  /** Valid profiles, in file-name order. */
  profiles: Profile[];
  /** Problems with the files that were skipped; the valid profiles still work. */
  errors: ProfileError[];
}

let validator: ValidateFunction | undefined;

async function schemaValidator(): Promise<ValidateFunction> {
  if (!validator) {
    const schema = JSON.parse(
      await readFile(join(DEFAULT_PROFILES_DIR, PROFILE_SCHEMA_FILE), "utf8"),
    ) as object;
    validator = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  }
  return validator;
}

const escapeToken = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");

function describeAjvError(file: string, e: ErrorObject): ProfileError {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === "required") {
    const field = String(params.missingProperty);
    return { file, pointer: `${e.instancePath}/${escapeToken(field)}`, message: "is required" };
  }
  if (e.keyword === "additionalProperties") {
    const field = String(params.additionalProperty);
    return {
      file,
      pointer: `${e.instancePath}/${escapeToken(field)}`,
      message: "is not a known field",
    };
  }
  if (e.keyword === "enum") {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return { file, pointer: e.instancePath, message: `must be one of ${allowed}` };
  }
  return { file, pointer: e.instancePath, message: e.message ?? `fails ${e.keyword}` };
}

function checkRange(
  file: string,
  pointer: string,
  range: NumericRange | undefined,
): ProfileError[] {
  if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
    return [{ file, pointer, message: `min (${range.min}) is above max (${range.max})` }];
  }
  return [];
}

/** Rules the JSON Schema cannot express. */
function checkRules(file: string, profile: Profile): ProfileError[] {
  const errors: ProfileError[] = [];
  const expectedName = basename(file, ".json");
  if (profile.name !== expectedName) {
    errors.push({
      file,
      pointer: "/name",
      message: `must equal the file name "${expectedName}" (got "${profile.name}")`,
    });
  }
  const c = profile.constraints;
  errors.push(...checkRange(file, "/constraints/teamSize", c.teamSize));
  errors.push(...checkRange(file, "/constraints/qpsP99", c.qpsP99));
  errors.push(...checkRange(file, "/constraints/readWriteRatio", c.readWriteRatio));
  for (const name of Object.keys(profile.constraintStrength ?? {}) as ConstraintName[]) {
    if (c[name] === undefined) {
      errors.push({
        file,
        pointer: `/constraintStrength/${name}`,
        message: `names a constraint the profile does not set (add constraints.${name} or remove this line)`,
      });
    }
  }
  const latency = profile.successThresholds.latencyMs;
  if (latency && !(latency.p50 <= latency.p95 && latency.p95 <= latency.p99)) {
    errors.push({
      file,
      pointer: "/successThresholds/latencyMs",
      message: `percentiles must satisfy p50 <= p95 <= p99 (got ${latency.p50}/${latency.p95}/${latency.p99})`,
    });
  }
  const index = profile.approvals.findIndex((a) => a.change === "production-schema-change");
  if (index === -1) {
    errors.push({
      file,
      pointer: "/approvals",
      message: 'needs a "production-schema-change" approval naming a "dba" and an "on-call" role',
    });
  } else {
    const roles = new Set(profile.approvals[index]!.chain.map((a) => a.role));
    for (const role of ["dba", "on-call"]) {
      if (!roles.has(role)) {
        errors.push({
          file,
          pointer: `/approvals/${index}/chain`,
          message: `a production schema change must name the "${role}" role`,
        });
      }
    }
  }
  return errors;
}

/** Validate one parsed profile document against the schema and the extra rules. */
export async function validateProfile(
  value: unknown,
  file: string,
): Promise<{ profile?: Profile; errors: ProfileError[] }> {
  const validate = await schemaValidator();
  if (!validate(value)) {
    return { errors: (validate.errors ?? []).map((e) => describeAjvError(file, e)) };
  }
  const profile = value as Profile;
  const errors = checkRules(file, profile);
  return errors.length > 0 ? { errors } : { profile: { ...profile, file }, errors: [] };
}

async function loadFile(path: string): Promise<{ profile?: Profile; errors: ProfileError[] }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errors: [{ file: path, pointer: "", message: `not readable JSON: ${message}` }] };
  }
  return validateProfile(value, path);
}

/**
 * Load every `*.json` profile in `dir` (default: the shipped `profiles/`), validating each.
 * Broken files are reported in `errors` by file and JSON pointer; the rest still load.
 */
export async function loadProfiles(dir: string = DEFAULT_PROFILES_DIR): Promise<LoadedProfiles> {
  const folder = resolve(dir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new UserError(`profiles folder not found: ${folder}`, {
      hint: "--profiles-dir must name a folder of profile .json files (see profiles/ in the package)",
    });
  }
  const files = names.filter((n) => n.endsWith(".json") && n !== PROFILE_SCHEMA_FILE).sort();
  const profiles: Profile[] = [];
  const errors: ProfileError[] = [];
  for (const name of files) {
    const result = await loadFile(join(folder, name));
    if (result.profile) profiles.push(result.profile);
    errors.push(...result.errors);
  }
  if (profiles.length === 0) {
    const first = errors[0];
    throw new UserError(`no valid profile in ${folder}`, {
      hint: first
        ? `${first.file}${first.pointer ? ` at ${first.pointer}` : ""}: ${first.message}`
        : "copy profiles/node-express.json there and adjust it",
    });
  }
  return { dir: folder, profiles, errors };
}

/** One profile by name (e.g. for `load --slo node-express`); a UserError lists the names there are. */
export async function findProfile(name: string, dir?: string): Promise<Profile> {
  const { profiles } = await loadProfiles(dir);
  const found = profiles.find((p) => p.name === name);
  if (!found) {
    throw new UserError(`unknown profile "${name}"`, {
      hint: `available: ${profiles.map((p) => p.name).join(", ")}`,
    });
  }
  return found;
}
