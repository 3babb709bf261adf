import { aclEntries } from "./catalog-queries.js";

/**
 * The catalog queries that read the parts of tables (columns, constraints, indexes). They take the oids the
 * tables and views queries returned ($1 = tables, $2 = materialized views) instead of joining pg_class and
 * pg_namespace again, and return each row's relation as that oid (`rel`), not as repeated schema and table names.
 * Values that cost the server a call per row (pg_get_indexdef per index column, json built per row) are asked
 * for only where the plain catalog value does not say the same.
 */
/**
 * The partitions' indexes attached to a partitioned index (pg_inherits on indexes), each with the kind of the
 * partition's constraint it backs, if any (a local one, or one inherited from the parent's constraint).
 */
const attachedIndexes = (
  parent: string,
) => `coalesce((SELECT json_agg(json_build_object('schema', cn.nspname,
      'table', ct.relname, 'name', cc.relname, 'definition', pg_get_indexdef(h.inhrelid),
      'constraint', CASE ck.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' END)
    ORDER BY cn.nspname, cc.relname)
    FROM pg_inherits h JOIN pg_class cc ON cc.oid = h.inhrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
    JOIN pg_index ci ON ci.indexrelid = h.inhrelid JOIN pg_class ct ON ct.oid = ci.indrelid
    LEFT JOIN pg_constraint ck ON ck.conindid = h.inhrelid AND ck.conrelid = ci.indrelid AND ck.contype IN ('p', 'u')
    WHERE h.inhparent = ${parent}), '[]'::json)`;

/**
 * Columns, in no particular order (the client orders each table's by number: a sort of every column costs the
 * server more than the rest of the query), with their grants (`GRANT SELECT (col)`) where they have any.
 * Values most columns share are NULL rather than repeated (each value costs the client a decode): `flags` holds
 * N (NOT NULL), I (inherited only), the identity kind (a, d) and the generated kind (s, v), when any.
 * Identity sequences and comments, which few columns have, come from their own queries below instead of a
 * join per column.
 */
export const columnsQuery = `
SELECT a.attrelid AS rel, a.attnum AS num, a.attname AS name, a.atttypid AS type_oid,
  NULLIF(a.attcollation, 0) AS collation_oid,
  CASE WHEN quote_ident(a.attname) <> a.attname THEN quote_ident(a.attname) END AS quoted,
  format_type(a.atttypid, a.atttypmod) AS type,
  NULLIF(CASE WHEN a.attnotnull THEN 'N' ELSE '' END || CASE WHEN a.attislocal THEN '' ELSE 'I' END
    || a.attidentity::text || a.attgenerated::text, '') AS flags,
  pg_get_expr(ad.adbin, CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END) AS expression,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
    quote_ident(con.nspname) || '.' || quote_ident(co.collname) END AS collation,
  CASE WHEN a.attacl IS NOT NULL THEN ${aclEntries("a.attacl")} END AS grants
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
WHERE a.attrelid = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped`;

/** The options of each identity column's sequence: "start increment min max cache cycle". */
export const columnIdentitiesQuery = `
SELECT dep.refobjid AS rel, dep.refobjsubid AS num,
  concat_ws(' ', s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle) AS sequence
FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.deptype = 'i'
  AND dep.refobjsubid > 0 AND dep.refobjid = ANY($1)`;

/** Comments on columns. */
export const columnCommentsQuery = `
SELECT d.objoid AS rel, d.objsubid AS num, d.description AS comment
FROM pg_description d
WHERE d.classoid = 'pg_class'::regclass AND d.objsubid > 0 AND d.objoid = ANY($1)`;

/**
 * The catalog fields the server reads to write a constraint or an index (pg_get_constraintdef,
 * pg_get_indexdef), without the fields that name or place the object: the `deparse_key` of a row and the hash
 * of its expression trees as stored (`deparse_tree`), so that the same constraint or index on many tables (a
 * schema per tenant) groups together and is written by the server once (deparse-groups.ts). The trees hold
 * source positions, which differ between tables made by one script: the client reads the trees of one row per
 * group and strips them (the server's regular expressions would cost more than the rest of the query). A
 * server newer than the ones these lists were read from (18) hashes its whole catalog row instead, slower to
 * build but it cannot miss a field.
 */
const KNOWN_VERSION = 190000;
const CONSTRAINT_IDENTITY = `ARRAY['oid', 'conname', 'connamespace', 'conrelid', 'conparentid', 'coninhcount',
  'conislocal', 'conindid', 'contypid', 'conbin']::text[]`;
const INDEX_IDENTITY = `ARRAY['indexrelid', 'indrelid', 'indisvalid', 'indcheckxmin', 'indisready', 'indislive',
  'indisclustered', 'indisreplident', 'indexprs', 'indpred']::text[]`;

const fields = (alias: string, names: string[]) =>
  `md5(ROW(${names.map((n) => `${alias}.${n}`).join(", ")})::text)`;

function constraintKey(version: number): string {
  if (version >= KNOWN_VERSION) return `md5((to_jsonb(k) - ${CONSTRAINT_IDENTITY})::text)`;
  return fields("k", [
    "contype",
    "condeferrable",
    "condeferred",
    "convalidated",
    "connoinherit",
    "conkey",
    ...(version >= 170000 ? ["conperiod"] : []),
    ...(version >= 180000 ? ["conenforced"] : []),
  ]);
}

function indexKey(version: number, alias: string): string {
  if (version >= KNOWN_VERSION) return `md5((to_jsonb(${alias}) - ${INDEX_IDENTITY})::text)`;
  return fields(alias, [
    "indisunique",
    ...(version >= 150000 ? ["indnullsnotdistinct"] : []),
    "indnatts",
    "indnkeyatts",
    "indkey",
    "indclass",
    "indcollation",
    "indoption",
  ]);
}

/** An index's expressions and predicate, as stored. */
export const indexTrees = (alias: string) =>
  `coalesce(${alias}.indexprs::text, '') || '|' || coalesce(${alias}.indpred::text, '')`;

/**
 * A foreign key the client writes itself from the catalog row (constraint-definitions.ts): everything but the
 * clauses newer servers add (ON DELETE SET NULL (cols) from 15, PERIOD from 17, NOT ENFORCED from 18).
 */
function plainForeignKey(version: number): string {
  return [
    "k.contype = 'f'",
    ...(version >= 150000 ? ["k.confdelsetcols IS NULL"] : []),
    ...(version >= 170000 ? ["NOT k.conperiod"] : []),
    ...(version >= 180000 ? ["k.conenforced"] : []),
  ].join(" AND ");
}

/**
 * Constraints ($1 = the tables read, $2 = those of them that are partitioned). The server writes the definition (pg_get_constraintdef) only of exclusion constraints and of
 * foreign keys with clauses the client does not write; a plain foreign key comes back as its catalog fields
(`fk_options`: match type, update and delete actions, d for DEFERRABLE, i for INITIALLY DEFERRED; the table
it references by oid, named here only when it is not among the tables read),
 * and a check, primary key or unique constraint as its `deparse_key` (its catalog row without identity, and
 * for a key its index's row): pg_get_constraintdef of a check opens the table, which costs the server far more
 * than the catalog row, and is asked once per distinct key afterwards.
 */
export function constraintsQuery(version: number): string {
  const fk = plainForeignKey(version);
  return `
SELECT k.oid, k.conrelid AS rel, k.conname AS name, k.contype AS type,
  CASE WHEN k.contype NOT IN ('c', 'p', 'u') AND NOT (${fk}) THEN pg_get_constraintdef(k.oid) END AS definition,
  CASE WHEN k.contype = 'c' THEN ${constraintKey(version)}
    WHEN k.contype IN ('p', 'u') THEN ${constraintKey(version)}
      || (SELECT ${indexKey(version, "ci")} FROM pg_index ci WHERE ci.indexrelid = k.conindid) END AS deparse_key,
  CASE WHEN k.contype = 'c' THEN md5(k.conbin::text) END AS deparse_tree,
  CASE WHEN ${fk} THEN k.confmatchtype::text || k.confupdtype::text || k.confdeltype::text
    || CASE WHEN k.condeferrable THEN 'd' ELSE '-' END || CASE WHEN k.condeferred THEN 'i' ELSE '-' END
    END AS fk_options,
  CASE WHEN k.contype = 'f' THEN k.confrelid END AS ref_rel,
  CASE WHEN k.contype = 'f' THEN k.confkey::text END AS ref_keys,
  k.convalidated AS validated, k.conkey::text AS keys,
  CASE WHEN k.contype = 'f' AND NOT k.confrelid = ANY($1) THEN
    (SELECT quote_ident(fn.nspname) || '.' || quote_ident(fc.relname)
     FROM pg_class fc JOIN pg_namespace fn ON fn.oid = fc.relnamespace WHERE fc.oid = k.confrelid) END AS refs,
  CASE WHEN k.contype IN ('p', 'u') AND k.conrelid = ANY($2) THEN ${attachedIndexes("k.conindid")} END AS attached,
  d.description AS comment
FROM pg_constraint k
LEFT JOIN pg_description d ON d.objoid = k.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE k.conrelid = ANY($1) AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conislocal AND k.conparentid = 0`;
}

/** The expression trees of checks, as stored ($1 = constraint oids). */
export const constraintTreesQuery = `
SELECT k.oid, k.conbin::text AS tree FROM pg_constraint k WHERE k.oid = ANY($1)`;

/** The expressions and predicates of indexes, as stored ($1 = index oids). */
export const indexTreesQuery = `
SELECT i.indexrelid AS oid, ${indexTrees("i")} AS tree FROM pg_index i WHERE i.indexrelid = ANY($1)`;

/** The definitions of the constraints the client did not write ($1 = constraint oids). */
export const constraintDefinitionsQuery = `
SELECT k.oid, pg_get_constraintdef(k.oid) AS definition FROM pg_constraint k WHERE k.oid = ANY($1)`;

/**
 * A plain btree index (columns only: no expression, predicate, storage options or uniqueness) has its
 * CREATE INDEX statement written from these rows when its operator classes and collations are the
 * columns' defaults (index-definition.ts); pg_get_indexdef reads the catalog again per index and per column.
 */
const plainBtree = `ic.relkind = 'i' AND am.amname = 'btree' AND NOT i.indisunique AND i.indexprs IS NULL
    AND i.indpred IS NULL AND ic.reloptions IS NULL AND NOT i.indrelid = ANY($2)`;

/**
 * Indexes. A plain btree index comes back as its parts, written by the client (index-definitions.ts); an index
 * of a materialized view with its definition; any other as its `deparse_key` (its pg_index row without identity,
 * its kind, method and options), asked once per distinct key: pg_get_indexdef of a predicate or an expression
 * opens the table.
 */
export const indexesQuery = (version: number) => `
SELECT i.indrelid AS rel, i.indexrelid AS oid, ic.relname AS name,
  CASE WHEN quote_ident(ic.relname) <> ic.relname THEN quote_ident(ic.relname) END AS quoted_name,
  CASE WHEN ${plainBtree} THEN i.indclass::text || '/' || i.indcollation::text || '/' || i.indoption::text
    WHEN i.indrelid = ANY($2) THEN pg_get_indexdef(i.indexrelid) END AS definition,
  ${plainBtree} AS plain,
  CASE WHEN NOT (${plainBtree}) AND NOT i.indrelid = ANY($2) THEN
    ${indexKey(version, "i")} || ic.relkind::text || am.amname::text || coalesce(ic.reloptions::text, '')
    END AS deparse_key,
  CASE WHEN NOT (${plainBtree}) AND NOT i.indrelid = ANY($2) THEN md5(${indexTrees("i")}) END AS deparse_tree,
  am.amname AS method, i.indisunique AS is_unique,
  i.indpred IS NOT NULL AS partial, i.indnkeyatts AS key_count, i.indisvalid AS valid, i.indkey::text AS keys,
  CASE WHEN i.indrelid = ANY($2) THEN
    (SELECT json_agg(pg_get_indexdef(i.indexrelid, k, false) ORDER BY k) FROM generate_series(1, i.indnatts) k) END AS columns,
  CASE WHEN ic.relkind = 'I' THEN ${attachedIndexes("i.indexrelid")} END AS attached,
  d.description AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_description d ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE (i.indrelid = ANY($1) OR i.indrelid = ANY($2))
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid
                  AND k.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)`;

/**
 * The default btree operator class of each type that has exactly one and takes no options
 * (the class pg_get_indexdef leaves unnamed).
 */
export const defaultBtreeClassesQuery = `
SELECT oc.opcintype AS type_oid, min(oc.oid) AS class_oid
FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod
WHERE am.amname = 'btree' AND oc.opcdefault
  AND NOT EXISTS (SELECT 1 FROM pg_amproc p WHERE p.amprocfamily = oc.opcfamily AND p.amprocnum = 5)
GROUP BY oc.opcintype HAVING count(*) = 1`;

/**
 * The definitions of the indexes the client did not write ($1 = index oids), and the key columns of those
 * with an expression, each as pg_get_indexdef writes it.
 */
export const indexDefinitionsQuery = `
SELECT i.indexrelid AS oid, pg_get_indexdef(i.indexrelid) AS definition,
  CASE WHEN 0 = ANY(i.indkey) THEN
    (SELECT json_agg(pg_get_indexdef(i.indexrelid, k, false) ORDER BY k) FROM generate_series(1, i.indnatts) k) END AS columns
FROM pg_index i WHERE i.indexrelid = ANY($1)`;
