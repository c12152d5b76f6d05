-- Purpose: one vocabulary table from its one source, a CSV file in the repository whose header
--          names the table's columns: organisation_types (etl/organisation_types.csv),
--          period_types, sdg_goals and rule_presets. Read as text and cast by the insert into
--          the table's types, so a wrong value fails the build (a bug, not a user's error).
-- Grain:   one row per row of the file, in its order.
-- Params:  $path: the CSV file; template: table, the table's name.
insert into {{ table | ident }} by name
select * from read_csv($path, header = true, delim = ',', quote = '"', all_varchar = true);
