-- {{reader}} and {{writer}} are roles the test makes (unique names) and drops.
-- Objects the migration drops and creates again keep their grants and comments in b.
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, total numeric, status text);
CREATE VIEW app.big_orders AS SELECT id, total FROM app.orders WHERE total > 500;
COMMENT ON VIEW app.big_orders IS 'Orders over 100';
GRANT SELECT ON app.big_orders TO {{reader}};
GRANT SELECT (id) ON app.big_orders TO {{writer}};
CREATE MATERIALIZED VIEW app.order_totals AS SELECT status, sum(total) AS total, count(*) AS orders FROM app.orders GROUP BY status;
GRANT SELECT ON app.order_totals TO {{reader}};
CREATE TABLE app.open_orders (id integer);
GRANT SELECT ON app.open_orders TO {{reader}};
CREATE FUNCTION app.order_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM app.orders $$;
COMMENT ON FUNCTION app.order_count() IS 'How many orders';
REVOKE EXECUTE ON FUNCTION app.order_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.order_count() TO {{reader}};
CREATE TYPE app.state AS ENUM ('open', 'paid');
COMMENT ON TYPE app.state IS 'Order state';
REVOKE USAGE ON TYPE app.state FROM PUBLIC;
GRANT USAGE ON TYPE app.state TO {{writer}};
