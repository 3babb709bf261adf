/**
 * One catalog query per object kind, each covering every schema in the filter at once ($1 = schema names).
 * Run with search_path = pg_catalog so every name in a definition comes out schema-qualified.
 * Objects that belong to an extension are left out (the extension itself is the object).
 */
const notExtensionMember = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '${catalog}'::regclass AND dep.objid = ${oid} AND dep.deptype = 'e')`;

const qname = (ns: string, rel: string) => `quote_ident(${ns}) || '.' || quote_ident(${rel})`;

/** A comment as a join (obj_description() per row is a query per row). */
const description = (alias: string, catalog: string, oid: string, sub = "0") =>
  `LEFT JOIN pg_description ${alias} ON ${alias}.objoid = ${oid} AND ${alias}.classoid = '${catalog}'::regclass AND ${alias}.objsubid = ${sub}`;

export const schemasQuery = `
SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_namespace n
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND ${notExtensionMember("pg_namespace", "n.oid")}
ORDER BY 1`;

export const extensionsQuery = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' AND n.nspname = ANY($1)
ORDER BY 1`;

export const enumsQuery = `
SELECT n.nspname AS schema, t.typname AS name,
  json_agg(e.enumlabel ORDER BY e.enumsortorder) AS values,
  obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = ANY($1) AND ${notExtensionMember("pg_type", "t.oid")}
GROUP BY n.nspname, t.typname, t.oid
ORDER BY 1, 2`;

export const domainsQuery = `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
  t.typnotnull AS not_null, t.typdefault AS default_value,
  CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN
    (SELECT ${qname("cn.nspname", "co.collname")} FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
     WHERE co.oid = t.typcollation) END AS collation,
  coalesce((SELECT json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid),
      'validated', c.convalidated) ORDER BY c.conname)
    FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '[]'::json) AS checks,
  obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
WHERE t.typtype = 'd' AND n.nspname = ANY($1) AND ${notExtensionMember("pg_type", "t.oid")}
ORDER BY 1, 2`;

export const sequencesQuery = `
SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
  s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
  s.seqcache::text AS cache, s.seqcycle AS cycle,
  (SELECT ${qname("tn.nspname", "tc.relname")} || '.' || quote_ident(a.attname)
   FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
   JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
     AND d.deptype = 'a' LIMIT 1) AS owned_by
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
WHERE c.relkind = 'S' AND n.nspname = ANY($1)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2`;

export const tablesQuery = `
SELECT n.nspname AS schema, c.relname AS name, c.oid, ${qname("n.nspname", "c.relname")} AS qualified,
  c.relkind AS relkind, c.relpersistence = 'u' AS unlogged,
  CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
  CASE WHEN c.relispartition THEN
    (SELECT ${qname("pn.nspname", "pc.relname")} FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
     JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid LIMIT 1) END AS parent,
  CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
  c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced,
  CASE c.relreplident WHEN 'f' THEN 'full' WHEN 'n' THEN 'nothing' WHEN 'i' THEN
    (SELECT 'index:' || quote_ident(ic.relname) FROM pg_index ri JOIN pg_class ic ON ic.oid = ri.indexrelid
     WHERE ri.indrelid = c.oid AND ri.indisreplident LIMIT 1) END AS replica_identity,
  CASE WHEN NOT c.relispartition THEN inh.parents END AS inherits,
  CASE WHEN c.relispartition THEN
    (SELECT json_agg(k.conname ORDER BY k.conname) FROM pg_constraint k JOIN pg_inherits i ON i.inhrelid = c.oid
     JOIN pg_constraint pk ON pk.conrelid = i.inhparent AND pk.conname = k.conname AND pk.contype = 'c'
     WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.convalidated AND NOT pk.convalidated) END AS valid_checks,
  d.description AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
${description("d", "pg_class", "c.oid")}
LEFT JOIN (SELECT i.inhrelid, json_agg(${qname("pn.nspname", "pc.relname")} ORDER BY i.inhseqno) AS parents
  FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
  WHERE pc.relkind <> 'I' GROUP BY i.inhrelid) inh ON inh.inhrelid = c.oid
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND ${notExtensionMember("pg_class", "c.oid")}
ORDER BY 1, 2`;

export const triggersQuery = `
SELECT n.nspname AS schema, c.relname AS table_name, t.tgname AS name,
  pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled,
  obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v')
  AND n.nspname = ANY($1) AND ${notExtensionMember("pg_class", "c.oid")}
ORDER BY 1, 2, 3`;

export const policiesQuery = `
SELECT n.nspname AS schema, c.relname AS table_name, p.polname AS name, p.polpermissive AS permissive,
  p.polcmd AS command,
  CASE WHEN p.polroles = '{0}' THEN '["public"]'::json
       ELSE (SELECT json_agg(r.rolname ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY(p.polroles)) END AS roles,
  pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
ORDER BY 1, 2, 3`;

export const viewsQuery = `
SELECT n.nspname AS schema, c.relname AS name, c.oid, c.relkind = 'm' AS materialized,
  pg_get_viewdef(c.oid) AS definition, to_json(coalesce(c.reloptions, '{}')) AS options,
  coalesce((SELECT json_agg(DISTINCT ${qname("dn.nspname", "dc.relname")})
    FROM pg_rewrite r
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
    JOIN pg_class dc ON dc.oid = d.refobjid
    JOIN pg_namespace dn ON dn.oid = dc.relnamespace
    WHERE r.ev_class = c.oid AND d.refobjid <> c.oid), '[]'::json)::jsonb
  || coalesce((SELECT jsonb_agg(DISTINCT ${qname("tn.nspname", "ty.typname")})
    FROM pg_rewrite r
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_type'::regclass
    JOIN pg_type ty ON ty.oid = d.refobjid
    JOIN pg_namespace tn ON tn.oid = ty.typnamespace
    WHERE r.ev_class = c.oid AND ty.typrelid = 0 AND tn.nspname <> 'pg_catalog'), '[]'::jsonb)
  || coalesce((SELECT jsonb_agg(DISTINCT ${qname("pn.nspname", "pp.proname")} || '(' || pg_get_function_identity_arguments(pp.oid) || ')')
    FROM pg_rewrite r
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_proc'::regclass
    JOIN pg_proc pp ON pp.oid = d.refobjid
    JOIN pg_namespace pn ON pn.oid = pp.pronamespace
    WHERE r.ev_class = c.oid AND pn.nspname <> 'pg_catalog'), '[]'::jsonb) AS depends_on,
  obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1) AND ${notExtensionMember("pg_class", "c.oid")}
ORDER BY 1, 2`;

export const functionsQuery = `
SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args,
  p.prokind AS kind, CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END AS returns,
  pg_get_functiondef(p.oid) AS definition, obj_description(p.oid, 'pg_proc') AS comment,
  (SELECT json_agg(DISTINCT ${qname("dn.nspname", "dp.proname")} || '(' || pg_get_function_identity_arguments(dp.oid) || ')')
   FROM pg_depend d JOIN pg_proc dp ON dp.oid = d.refobjid JOIN pg_namespace dn ON dn.oid = dp.pronamespace
   WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_proc'::regclass
     AND d.refobjid <> p.oid AND dn.nspname <> 'pg_catalog') AS depends_on,
  (SELECT json_agg(DISTINCT jsonb_build_array(rn.nspname, rc.relname))
   FROM pg_depend d
   LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
   JOIN pg_class rc ON rc.oid = CASE WHEN d.refclassid = 'pg_class'::regclass THEN d.refobjid
     ELSE coalesce(nullif(t.typrelid, 0), (SELECT e.typrelid FROM pg_type e WHERE e.oid = t.typelem)) END
   JOIN pg_namespace rn ON rn.oid = rc.relnamespace
   WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
     AND d.refclassid IN ('pg_class'::regclass, 'pg_type'::regclass) AND rc.relkind IN ('r', 'p')) AS depends_on_tables
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY($1) AND ${notExtensionMember("pg_proc", "p.oid")}
ORDER BY 1, 2, 3`;

export const collationsQuery = `
SELECT n.nspname AS schema, co.collname AS name,
  CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'c' THEN 'libc' ELSE 'default' END AS provider,
  coalesce(to_jsonb(co)->>'colllocale', to_jsonb(co)->>'colliculocale', co.collcollate) AS locale,
  CASE WHEN co.collprovider = 'c' AND co.collctype <> co.collcollate THEN co.collctype END AS ctype,
  co.collisdeterministic AS deterministic,
  obj_description(co.oid, 'pg_collation') AS comment
FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE n.nspname = ANY($1) AND ${notExtensionMember("pg_collation", "co.oid")}
ORDER BY 1, 2`;

/** "grantee=PRIVILEGE" (with "*" when grantable) of an aclitem[]; PUBLIC for grantee 0. */
export const aclEntries = (acl: string) => `coalesce((SELECT json_agg(
    CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END || '=' || x.privilege_type
      || CASE WHEN x.is_grantable THEN '*' ELSE '' END ORDER BY 1)
  FROM aclexplode(${acl}) x LEFT JOIN pg_roles r ON r.oid = x.grantee), '[]'::json)`;

/**
 * Objects whose privileges were ever granted or revoked (a NULL ACL is the default and is left out), with their
 * effective grants and the default ACL their owner starts with.
 */
export const privilegesQuery = `
SELECT kind, object, ${aclEntries("acl")} AS grants, ${aclEntries("acldefault(dkind, owner)")} AS defaults
FROM (
  SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END AS kind,
    ${qname("n.nspname", "c.relname")} AS object, c.relacl AS acl,
    CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char" AS dkind, c.relowner AS owner
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND n.nspname = ANY($1)
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
    ${qname("n.nspname", "p.proname")} || '(' || pg_get_function_identity_arguments(p.oid) || ')',
    p.proacl, 'f'::"char", p.proowner
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE p.proacl IS NOT NULL AND n.nspname = ANY($1)
  UNION ALL
  SELECT 'type', ${qname("n.nspname", "t.typname")}, t.typacl, 'T'::"char", t.typowner
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typacl IS NOT NULL AND t.typtype IN ('e', 'd') AND n.nspname = ANY($1)
  UNION ALL
  SELECT 'schema', quote_ident(n.nspname), n.nspacl, 'n'::"char", n.nspowner
  FROM pg_namespace n WHERE n.nspacl IS NOT NULL AND n.nspname = ANY($1)
) o
ORDER BY 1, 2`;

/**
 * Column privileges (GRANT SELECT (col) ON t …) of views, materialized views and foreign tables; a column has
 * no default. A table's come with its columns (reading every column's ACL again would scan pg_attribute a
 * second time).
 */
export const columnPrivilegesQuery = `
SELECT ${qname("n.nspname", "c.relname")} AS object, a.attname AS column, ${aclEntries("a.attacl")} AS grants
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('v', 'm', 'f') AND n.nspname = ANY($1)
ORDER BY 1, 2`;

/** ALTER DEFAULT PRIVILEGES entries: per role, optionally per schema, per object type. */
export const defaultPrivilegesQuery = `
SELECT quote_ident(r.rolname) AS role, n.nspname AS schema,
  CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
    WHEN 'T' THEN 'types' ELSE 'schemas' END AS object_type,
  ${aclEntries("d.defaclacl")} AS grants,
  CASE WHEN d.defaclnamespace = 0 THEN ${aclEntries(`acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole)`)}
    ELSE '[]'::json END AS defaults
FROM pg_default_acl d
JOIN pg_roles r ON r.oid = d.defaclrole
LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
WHERE d.defaclnamespace = 0 OR n.nspname = ANY($1)
ORDER BY 1, 2, 3`;

const regproc = (oid: string) => `${oid}::regproc::text`;

/** Aggregates, each as the CREATE AGGREGATE statement that makes it (pg_get_functiondef does not cover them). */
export const aggregatesQuery = `
SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args,
  'CREATE AGGREGATE ' || ${qname("n.nspname", "p.proname")} || '(' || pg_get_function_arguments(p.oid) || ') ('
  || concat_ws(', ',
    'SFUNC = ' || ${regproc("a.aggtransfn")},
    'STYPE = ' || format_type(a.aggtranstype, NULL),
    CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
    CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ${regproc("a.aggfinalfn")} END,
    CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
    CASE WHEN a.aggfinalfn <> 0 AND a.aggfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END THEN
      'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
    CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ${regproc("a.aggcombinefn")} END,
    CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || ${regproc("a.aggserialfn")} END,
    CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || ${regproc("a.aggdeserialfn")} END,
    CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
    CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || ${regproc("a.aggmtransfn")} END,
    CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || ${regproc("a.aggminvtransfn")} END,
    CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
    CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
    CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || ${regproc("a.aggmfinalfn")} END,
    CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
    CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
    CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')'
      FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
    CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
    CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END
  ) || ')' AS definition,
  obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p
JOIN pg_aggregate a ON a.aggfnoid = p.oid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind = 'a' AND n.nspname = ANY($1) AND ${notExtensionMember("pg_proc", "p.oid")}
ORDER BY 1, 2, 3`;
