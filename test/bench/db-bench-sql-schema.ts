/**
 * A generated schema file of about 50 KB that reads like an application's: enums, a domain, tables with
 * keys, foreign keys, checks, defaults and indexes, views, a materialized view, PL/pgSQL functions,
 * triggers, comments and grants to roles. `changedSchemaSql` is the same schema after a migration
 * (columns added and dropped, an index, a view rewritten, a grant), for the `.sql` ↔ `.sql` comparison.
 */
const DOMAINS = [
  "account",
  "customer",
  "supplier",
  "product",
  "warehouse",
  "shipment",
  "invoice",
  "payment",
  "refund",
  "coupon",
  "campaign",
  "ticket",
  "article",
  "comment",
  "review",
  "subscription",
  "plan",
  "team",
  "project",
  "task",
  "document",
  "webhook",
  "audit_event",
  "region",
  "store",
  "employee",
  "schedule",
  "contract",
  "vendor_invoice",
  "budget",
  "report",
  "notification",
  "device",
  "session",
  "api_key",
  "feature_flag",
];

const EXTRA_COLUMNS = [
  "reference text NOT NULL DEFAULT ''",
  "amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0)",
  "currency char(3) NOT NULL DEFAULT 'EUR'",
  "quantity integer NOT NULL DEFAULT 1",
  "email app.email",
  "metadata jsonb NOT NULL DEFAULT '{}'::jsonb",
  "tags text[] NOT NULL DEFAULT '{}'",
  "due_on date",
  "priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5)",
  "is_archived boolean NOT NULL DEFAULT false",
  "external_id uuid NOT NULL DEFAULT gen_random_uuid()",
  "notes text",
];

/** `roles` names the two roles it creates and grants to (a server's roles are shared by its databases). */
export function schemaSql(
  variant: "from" | "to" = "from",
  roles = { reader: "app_reader", writer: "app_writer" },
): string {
  const out: string[] = [
    "CREATE SCHEMA app;",
    "CREATE SCHEMA reporting;",
    "CREATE TYPE app.status AS ENUM ('draft', 'active', 'suspended', 'closed');",
    "CREATE TYPE app.channel AS ENUM ('web', 'mobile', 'email', 'partner');",
    "CREATE DOMAIN app.email AS text CHECK (VALUE ~* '^[^@\\s]+@[^@\\s]+$');",
    "CREATE ROLE app_reader NOLOGIN;",
    "CREATE ROLE app_writer NOLOGIN;",
    "GRANT USAGE ON SCHEMA app TO app_reader, app_writer;",
    "",
    `CREATE FUNCTION app.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;`,
    "",
  ];
  out.push(...DOMAINS.map((name, i) => tableSql(name, i, variant)));
  out.push(viewsSql(variant));
  return `${out.join("\n")}\n`.replace(
    /\bapp_(reader|writer)\b/g,
    (_, r: "reader" | "writer") => roles[r],
  );
}

function tableSql(name: string, i: number, variant: "from" | "to"): string {
  const parent = i > 0 ? DOMAINS[Math.floor((i - 1) / 2)] : undefined;
  const extras = [0, 1, 2, 3, 4].map((k) => EXTRA_COLUMNS[(i * 5 + k) % EXTRA_COLUMNS.length]);
  const columns = [
    "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    ...(parent
      ? [`${parent}_id bigint NOT NULL REFERENCES app.${parent} (id) ON DELETE CASCADE`]
      : []),
    "name text NOT NULL",
    "status app.status NOT NULL DEFAULT 'draft'",
    "channel app.channel",
    ...extras,
    "created_at timestamptz NOT NULL DEFAULT now()",
    "updated_at timestamptz NOT NULL DEFAULT now()",
  ];
  // The migration: every third table gains a column, every fifth loses its last extra one.
  if (variant === "to" && i % 5 === 0) columns.splice(columns.length - 3, 1);
  if (variant === "to" && i % 3 === 0) columns.push("version integer NOT NULL DEFAULT 1");
  const lines = [
    `CREATE TABLE app.${name} (\n  ${columns.join(",\n  ")},\n  CONSTRAINT ${name}_name_not_blank CHECK (length(btrim(name)) > 0)\n);`,
    `CREATE UNIQUE INDEX ${name}_name_key ON app.${name} (lower(name)) WHERE status <> 'closed';`,
    `CREATE INDEX ${name}_created_at_idx ON app.${name} (created_at DESC);`,
  ];
  if (parent) lines.push(`CREATE INDEX ${name}_${parent}_id_idx ON app.${name} (${parent}_id);`);
  if (variant === "to" && i % 4 === 1) {
    lines.push(`CREATE INDEX ${name}_status_idx ON app.${name} (status) WHERE status = 'active';`);
  }
  lines.push(
    `CREATE TRIGGER ${name}_touch BEFORE UPDATE ON app.${name} FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();`,
    `COMMENT ON TABLE app.${name} IS 'One ${name.replace(/_/g, " ")} of the application.';`,
    `COMMENT ON COLUMN app.${name}.status IS 'Lifecycle state of the ${name.replace(/_/g, " ")}.';`,
    `GRANT SELECT ON app.${name} TO app_reader;`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON app.${name} TO app_writer;`,
    `CREATE FUNCTION app.${name}_count(p_status app.status) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT count(*) FROM app.${name} WHERE status = p_status
$$;`,
    "",
  );
  return lines.join("\n");
}

function viewsSql(variant: "from" | "to"): string {
  const out: string[] = [];
  DOMAINS.forEach((name, i) => {
    if (i % 2 !== 0) return;
    const where =
      variant === "to" && i % 6 === 0 ? "status IN ('active', 'suspended')" : "status = 'active'";
    out.push(
      `CREATE VIEW reporting.active_${name} AS\n  SELECT id, name, status, created_at FROM app.${name} WHERE ${where};`,
      `GRANT SELECT ON reporting.active_${name} TO app_reader;`,
    );
  });
  out.push(
    `CREATE MATERIALIZED VIEW reporting.daily_invoices AS
  SELECT date_trunc('day', created_at) AS day, count(*) AS invoices, max(due_on) AS last_due
  FROM app.invoice GROUP BY 1;`,
    "CREATE UNIQUE INDEX daily_invoices_day_key ON reporting.daily_invoices (day);",
    `CREATE FUNCTION reporting.supplier_summary(p_supplier bigint)
RETURNS TABLE (invoices bigint, total numeric) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
    SELECT count(*), coalesce(sum(i.priority), 0)
    FROM app.invoice i
    JOIN app.supplier s ON s.id = i.supplier_id
    WHERE s.id = p_supplier AND s.status <> 'closed' AND i.status = 'active';
END;
$$;`,
  );
  return `${out.join("\n")}\n`;
}
