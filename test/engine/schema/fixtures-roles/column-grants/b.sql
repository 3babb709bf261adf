-- {{reader}} and {{writer}} are roles the test makes (unique names) and drops.
-- Column privileges: granted, widened, narrowed, revoked, and kept on a column whose type changes.
CREATE SCHEMA app;
CREATE TABLE app.users (id integer PRIMARY KEY, email text, name text, salary numeric, note varchar(200));
CREATE VIEW app.directory AS SELECT id, name, email FROM app.users;
-- (in the order a migration leaves them: pg_dump lists each column's grants in ACL order)
GRANT SELECT (id, name) ON app.users TO {{reader}};
GRANT UPDATE (email), INSERT ("name") ON app.users TO {{writer}};
GRANT SELECT (email) ON app.users TO {{reader}};
GRANT SELECT (salary) ON app.users TO {{writer}};
GRANT SELECT (note) ON app.users TO {{reader}};
GRANT SELECT (name, email) ON app.directory TO {{reader}};
