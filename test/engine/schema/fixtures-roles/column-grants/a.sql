-- {{reader}} and {{writer}} are roles the test makes (unique names) and drops.
-- Column privileges: granted, widened, narrowed, revoked, and kept on a column whose type changes.
CREATE SCHEMA app;
CREATE TABLE app.users (id integer PRIMARY KEY, email text, name text, salary numeric, note varchar(20));
CREATE VIEW app.directory AS SELECT id, name, email FROM app.users;
GRANT SELECT (id, name) ON app.users TO {{reader}};
GRANT SELECT (email), UPDATE (email) ON app.users TO {{writer}};
GRANT SELECT (salary) ON app.users TO {{writer}} WITH GRANT OPTION;
GRANT SELECT (note) ON app.users TO {{reader}};
GRANT SELECT (name) ON app.directory TO {{reader}};
