/** --schema / --exclude-schema: which schemas introspection and diff look at. */
export interface SchemaFilters {
  /** Only these schemas (all non-system schemas when empty). */
  include?: string[];
  /** Never these schemas. */
  exclude?: string[];
}

export function selectSchemas(name: string, filters: SchemaFilters): boolean {
  if (filters.exclude?.includes(name)) return false;
  if (filters.include && filters.include.length > 0) return filters.include.includes(name);
  return true;
}
