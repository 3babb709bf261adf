/** --schema / --exclude-schema: which schemas introspection and diff look at. */
export interface SchemaFilters {
  /** Only these schemas (all non-system schemas when empty). */
  include?: string[];
  /** Never these schemas. */
  exclude?: string[];
}

/**
 * The migrator's own bookkeeping (`db --migrate` keeps its tracking tables there) is not part of the
 * application's schema; it is read only when asked for by name with --schema.
 */
export const TOOL_SCHEMA = "senior_backend";

export function selectSchemas(name: string, filters: SchemaFilters): boolean {
  if (filters.exclude?.includes(name)) return false;
  if (filters.include && filters.include.length > 0) return filters.include.includes(name);
  return name !== TOOL_SCHEMA;
}
