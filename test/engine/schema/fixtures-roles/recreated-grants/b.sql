CREATE TABLE sale (id int, region text NOT NULL, amount int) PARTITION BY LIST (region);
CREATE TABLE sale_eu PARTITION OF sale FOR VALUES IN ('eu');
GRANT SELECT ON sale TO {{reader}};
GRANT SELECT, INSERT ON sale TO {{writer}};
CREATE VIEW sale_amounts AS SELECT id, amount FROM sale;
GRANT SELECT ON sale_amounts TO {{reader}};
CREATE TABLE refund (id int, amount bigint);
CREATE VIEW refund_amounts AS SELECT id, amount FROM refund;
GRANT SELECT ON refund_amounts TO {{reader}} WITH GRANT OPTION;
