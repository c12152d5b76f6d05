-- Purpose: forget the rows DuckDB's CSV reader rejected in the previous file.
-- Grain:   statements.
-- Params:  none.
drop table if exists csv_rejects;
drop table if exists csv_reject_scans;
