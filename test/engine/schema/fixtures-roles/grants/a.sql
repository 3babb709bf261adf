-- {{reader}} and {{writer}} are roles the test makes (unique names) and drops.
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, total numeric);
CREATE SEQUENCE app.ticket;
CREATE FUNCTION app.double(i integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN i * 2;
CREATE TABLE app.audit (id integer);
GRANT SELECT, INSERT ON app.audit TO {{writer}};
GRANT SELECT ON app.orders TO {{reader}} WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION app.double(integer) FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO {{reader}};
