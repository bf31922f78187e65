-- The figures of all the sites of the filter in one row.
SELECT 0 AS "Grouping", NULL::text AS "Key",
{{sums}}
