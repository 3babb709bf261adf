-- A table created again (it becomes partitioned) and a view created again (a column it reads changes
-- type) lose their grants with the drop: the migration gives them back. {{reader}} and {{writer}} are
-- roles the test makes (unique names) and drops.
CREATE TABLE sale (id int, region text NOT NULL, amount int);
GRANT SELECT ON sale TO {{reader}};
GRANT SELECT, INSERT ON sale TO {{writer}};
CREATE VIEW sale_amounts AS SELECT id, amount FROM sale;
GRANT SELECT ON sale_amounts TO {{reader}};
CREATE TABLE refund (id int, amount int);
CREATE VIEW refund_amounts AS SELECT id, amount FROM refund;
GRANT SELECT ON refund_amounts TO {{reader}} WITH GRANT OPTION;
