export {
  connectionError,
  connectServer,
  type Db,
  hasLibpqEnvironment,
  resolveConnectionString,
} from "./connection.js";
export {
  formatMigrationFile,
  type MigrationFile,
  type MigrationSection,
  parseMigrationFile,
} from "./migration-file.js";
export type {
  Hazard,
  HazardKind,
  ObjectKind,
  PlannedStatement,
  SchemaChange,
} from "./plan-types.js";
