import type { AnalyzeEvent } from "./analyze/run-analyze.js";
import type { CompareEvent } from "./compare-sources.js";
import type { IntrospectEvent } from "./introspect/introspect.js";
import type { MigrateEvent } from "./migrate/migrate-types.js";

export type {
  AnalyzeThresholds,
  Finding,
  Severity,
} from "./analyze/finding.js";
export {
  ANALYZE_CHECKS,
  type AnalyzeEvent,
  type AnalyzeOptions,
  type AnalyzeResult,
  analyzeDatabase,
  failsAt,
} from "./analyze/run-analyze.js";
export { type SuggestIndexesResult, suggestIndexes } from "./analyze/suggest-indexes.js";
export {
  type CompareEvent,
  type CompareOptions,
  type Comparison,
  compareSources,
} from "./compare-sources.js";
export {
  connectionError,
  connectServer,
  type Db,
  hasLibpqEnvironment,
  resolveConnectionString,
} from "./connection.js";
export {
  type DiffOptions,
  diffSchemas,
  type SchemaDiff,
} from "./diff/diff-schemas.js";
export {
  parseRename,
  type RenameCandidate,
  type RenameSpec,
} from "./diff/renames.js";
export {
  type IntrospectEvent,
  type IntrospectOptions,
  introspect,
} from "./introspect/introspect.js";
export type { SchemaFilters } from "./introspect/schema-filters.js";
export { type LintResult, lintFails, lintMigrationText, lintPath } from "./lint/lint-files.js";
export { LINT_RULES, type LintRule, type LintSeverity, ruleDoc } from "./lint/lint-rules.js";
export type { LintFinding } from "./lint/lint-statements.js";
export type { CatalogChange } from "./migrate/catalog-state.js";
export type { LockTaken } from "./migrate/lock-report.js";
export {
  type FolderRunOptions,
  type FolderRunResult,
  runMigrationFolder,
} from "./migrate/migrate-folder.js";
export type {
  MigrateEvent,
  MigrateOptions,
  MigrateResult,
  UnitReport,
} from "./migrate/migrate-types.js";
export {
  type MigrationState,
  type MigrationStatus,
  type MigrationStatusEntry,
  migrationStatus,
} from "./migrate/migration-status.js";
export { runMigration } from "./migrate/run-migration.js";
export {
  formatMigrationFile,
  type MigrationFile,
  type MigrationSection,
  parseMigrationFile,
} from "./migration-file.js";
export type {
  ColumnInfo,
  ConstraintInfo,
  ConstraintType,
  DomainInfo,
  EnumInfo,
  ExtensionInfo,
  FunctionInfo,
  IndexInfo,
  PolicyInfo,
  SchemaInfo,
  SchemaModel,
  SequenceInfo,
  TableInfo,
  TriggerInfo,
  ViewInfo,
} from "./model.js";
export {
  defaultSlug,
  type MigrationPlan,
  migrationFileName,
  type PlanOptions,
  planMigration,
} from "./plan/plan-migration.js";
export type {
  Hazard,
  HazardKind,
  ObjectKind,
  PlannedStatement,
  SchemaChange,
} from "./plan-types.js";
export {
  buildDataDir,
  distDir,
  type EmbeddedOptions,
  openEmbedded,
} from "./sources/embedded.js";
export { extensionsIn } from "./sources/embedded-extensions.js";
export {
  fromDb,
  isConnectionString,
  openSource,
  type SchemaSource,
} from "./sources/open-source.js";
export {
  readSnapshot,
  type SchemaSnapshot,
  snapshotOf,
  writeSnapshot,
} from "./sources/snapshot.js";

/** Every progress event the schema engine sends through `onEvent` (one union per engine). */
export type SchemaEvent = AnalyzeEvent | CompareEvent | IntrospectEvent | MigrateEvent;
