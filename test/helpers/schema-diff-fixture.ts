import type { SchemaChange } from "../../src/engine/schema/index.js";

const tx = (sql: string, hazards: SchemaChange["up"][number]["hazards"] = []) => ({
  sql,
  transactional: true,
  hazards,
});

/** A hand-made diff shaped like the bundled demo (v1 → v2), for screen tests. */
export const demoChanges: SchemaChange[] = [
  {
    id: "enum:public.order_status",
    kind: "enum",
    schema: "public",
    name: "order_status",
    change: "changed",
    before: "CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped');",
    after: "CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');",
    up: [tx("ALTER TYPE public.order_status ADD VALUE 'cancelled';")],
    down: [
      tx("-- enum values cannot be removed", [
        { kind: "irreversible", message: "PostgreSQL cannot drop an enum value" },
      ]),
    ],
  },
  {
    id: "column:public.customers.display_name",
    kind: "column",
    schema: "public",
    table: "customers",
    name: "display_name",
    change: "renamed",
    before: "full_name text NOT NULL",
    after: "display_name text NOT NULL",
    up: [
      tx("ALTER TABLE public.customers RENAME COLUMN full_name TO display_name;", [
        { kind: "rename", message: "clients still using full_name break" },
      ]),
    ],
    down: [tx("ALTER TABLE public.customers RENAME COLUMN display_name TO full_name;")],
  },
  {
    id: "column:public.customers.marketing_opt_in",
    kind: "column",
    schema: "public",
    table: "customers",
    name: "marketing_opt_in",
    change: "added",
    after: "marketing_opt_in boolean NOT NULL DEFAULT false",
    up: [
      tx(
        "ALTER TABLE public.customers ADD COLUMN marketing_opt_in boolean NOT NULL DEFAULT false;",
      ),
    ],
    down: [
      tx("ALTER TABLE public.customers DROP COLUMN marketing_opt_in;", [
        { kind: "data-loss", message: "drops the data in customers.marketing_opt_in" },
      ]),
    ],
  },
  {
    id: "column:public.products.legacy_code",
    kind: "column",
    schema: "public",
    table: "products",
    name: "legacy_code",
    change: "removed",
    before: "legacy_code text",
    up: [
      tx("ALTER TABLE public.products DROP COLUMN legacy_code;", [
        { kind: "data-loss", message: "drops the data in products.legacy_code" },
        { kind: "access-exclusive-lock", message: "locks products while it runs" },
      ]),
    ],
    down: [tx("ALTER TABLE public.products ADD COLUMN legacy_code text; -- data not restored")],
  },
  {
    id: "constraint:public.products.products_price_cents_check",
    kind: "constraint",
    schema: "public",
    table: "products",
    name: "products_price_cents_check",
    change: "added",
    after: "CHECK (price_cents >= 0)",
    up: [
      tx(
        "ALTER TABLE public.products ADD CONSTRAINT products_price_cents_check CHECK (price_cents >= 0) NOT VALID;",
      ),
      tx("ALTER TABLE public.products VALIDATE CONSTRAINT products_price_cents_check;", [
        { kind: "validation-scan", message: "scans products" },
      ]),
    ],
    down: [tx("ALTER TABLE public.products DROP CONSTRAINT products_price_cents_check;")],
  },
  {
    id: "index:public.orders.orders_customer_id_idx",
    kind: "index",
    schema: "public",
    table: "orders",
    name: "orders_customer_id_idx",
    change: "added",
    after: "CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id)",
    up: [
      {
        sql: "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders USING btree (customer_id);",
        transactional: false,
        hazards: [{ kind: "index-build", message: "builds an index on orders" }],
      },
    ],
    down: [
      {
        sql: "DROP INDEX CONCURRENTLY public.orders_customer_id_idx;",
        transactional: false,
        hazards: [],
      },
    ],
  },
  {
    id: "table:public.reviews",
    kind: "table",
    schema: "public",
    name: "reviews",
    change: "added",
    after:
      "CREATE TABLE public.reviews (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, product_id bigint NOT NULL, rating smallint NOT NULL)",
    up: [
      tx(
        "CREATE TABLE public.reviews (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, product_id bigint NOT NULL, rating smallint NOT NULL);",
      ),
    ],
    down: [
      tx("DROP TABLE public.reviews;", [
        { kind: "data-loss", message: "drops the table reviews and its rows" },
      ]),
    ],
  },
  {
    id: "view:public.customer_order_totals",
    kind: "view",
    schema: "public",
    name: "customer_order_totals",
    change: "changed",
    before: "SELECT c.id AS customer_id, c.full_name, count(o.id) AS orders FROM customers c",
    after: "SELECT c.id AS customer_id, c.display_name, count(o.id) AS orders FROM customers c",
    up: [tx("CREATE OR REPLACE VIEW public.customer_order_totals AS SELECT …;")],
    down: [tx("CREATE OR REPLACE VIEW public.customer_order_totals AS SELECT …;")],
  },
  {
    id: "function:public.touch_updated_at()",
    kind: "function",
    schema: "public",
    name: "touch_updated_at()",
    change: "added",
    after: "CREATE FUNCTION public.touch_updated_at() RETURNS trigger LANGUAGE plpgsql",
    up: [tx("CREATE FUNCTION public.touch_updated_at() RETURNS trigger …;")],
    down: [tx("DROP FUNCTION public.touch_updated_at();")],
  },
];
