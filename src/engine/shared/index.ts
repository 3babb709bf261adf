export { packageRoot, packageVersion } from "./paths.js";
export {
  redactConnectionString,
  redactHeader,
  redactHeaderLine,
  redactSecretsInText,
} from "./redact.js";
export { isUserError, UserError } from "./user-error.js";
