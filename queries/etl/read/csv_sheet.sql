-- Purpose: a CSV file as text columns c0..cN in the temp table "sheet", in the file's order
--          (rowid follows it: insertion order is preserved). Rows that cannot be read (wrong
--          number of fields, a quote never closed) go to csv_rejects, so that every such row
--          is reported, not only the first.
-- Grain:   one row per record of the file after the header.
-- Params:  $path: a UTF-8 file; $delim: its delimiter; $columns: {c0: 'varchar', …}.
create or replace temp table sheet as
select *
from read_csv(
    $path,
    delim = $delim,
    header = true,
    quote = '"',
    escape = '"',
    columns = $columns,
    auto_detect = false,
    encoding = 'utf-8',
    store_rejects = true,
    rejects_table = 'csv_rejects',
    rejects_scan = 'csv_reject_scans'
);
