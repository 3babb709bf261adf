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

export const columnsQuery = `
SELECT a.attrelid AS rel, a.attnum AS num, a.attname AS name, a.atttypid AS type_oid, a.attcollation AS collation_oid,
  CASE WHEN quote_ident(a.attname) <> a.attname THEN quote_ident(a.attname) END AS quoted,
  format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
  pg_get_expr(ad.adbin, CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END) AS expression,
  a.attidentity AS identity, a.attgenerated AS generated, NOT a.attislocal AS inherited,
  CASE WHEN s.seqrelid IS NOT NULL THEN
    concat_ws(' ', s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle) END AS sequence,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
    quote_ident(con.nspname) || '.' || quote_ident(co.collname) END AS collation,
  d.description AS comment
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
LEFT JOIN (pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid)
  ON a.attidentity <> '' AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
  AND dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.deptype = 'i'
LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
WHERE a.attrelid = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

export const constraintsQuery = `
SELECT k.conrelid AS rel, k.conname AS name, k.contype AS type,
  pg_get_constraintdef(k.oid) AS definition, k.convalidated AS validated, k.conkey::text AS keys,
  CASE WHEN k.contype = 'f' THEN quote_ident(fn.nspname) || '.' || quote_ident(fc.relname) END AS refs,
  CASE WHEN k.contype IN ('p', 'u') AND rc.relkind = 'p' THEN ${attachedIndexes("k.conindid")} END AS attached,
  d.description AS comment
FROM pg_constraint k
JOIN pg_class rc ON rc.oid = k.conrelid
LEFT JOIN pg_class fc ON fc.oid = k.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_description d ON d.objoid = k.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE k.conrelid = ANY($1) AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conislocal AND k.conparentid = 0`;

/**
 * A plain btree index (columns only: no expression, predicate, storage options or uniqueness) has its
 * CREATE INDEX statement written from these rows when its operator classes and collations are the
 * columns' defaults (index-definition.ts); pg_get_indexdef reads the catalog again per index and per column.
 */
const plainBtree = `ic.relkind = 'i' AND am.amname = 'btree' AND NOT i.indisunique AND i.indexprs IS NULL
    AND i.indpred IS NULL AND ic.reloptions IS NULL AND NOT i.indrelid = ANY($2)`;

export const indexesQuery = `
SELECT i.indrelid AS rel, i.indexrelid AS oid, ic.relname AS name,
  CASE WHEN ${plainBtree} THEN quote_ident(ic.relname) END AS quoted_name,
  CASE WHEN ${plainBtree} THEN i.indclass::text || '/' || i.indcollation::text || '/' || i.indoption::text
    ELSE pg_get_indexdef(i.indexrelid) END AS definition,
  ${plainBtree} AS plain,
  am.amname AS method, i.indisunique AS is_unique,
  i.indpred IS NOT NULL AS partial, i.indnkeyatts AS key_count, i.indisvalid AS valid, i.indkey::text AS keys,
  CASE WHEN 0 = ANY(i.indkey) OR i.indrelid = ANY($2) THEN
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

/** The definitions of the indexes whose plain form did not apply ($1 = index oids). */
export const indexDefinitionsQuery = `
SELECT i.indexrelid AS oid, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i WHERE i.indexrelid = ANY($1)`;
