/** Anchors in references/backend_security_practices.md that findings link to. */
const FILE = "references/backend_security_practices.md";

export const REFERENCE = {
  headers: `${FILE}#security-headers`,
  cors: `${FILE}#cors`,
  rateLimit: `${FILE}#rate-limiting`,
  inputValidation: `${FILE}#input-validation`,
  errorLeakage: `${FILE}#error-handling-and-leakage`,
  methods: `${FILE}#http-methods`,
  cookies: `${FILE}#cookies`,
  auth: `${FILE}#authentication-and-tokens`,
  authorization: `${FILE}#object-level-authorization`,
  responses: `${FILE}#responses-match-the-spec`,
  origin: `${FILE}#staying-on-the-target`,
} as const;
