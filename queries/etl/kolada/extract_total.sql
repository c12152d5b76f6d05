-- Purpose: add the values of one Kolada extract file in the wide shape geo,year,<kpi> (gender
--          T) to raw_kolada, as if fetched once at an unknown time.
-- Grain:   one row per line of the file.
-- Params:  $file (the file), $kpi (its KPI, from the header).
insert into raw_kolada
select $file, 1, null, upper($kpi), geo, year, 'T', value, null, null, false,
from read_csv(
    $file, header = true, auto_detect = false, delim = ',', quote = '"',
    columns = {'geo': 'varchar', 'year': 'bigint', 'value': 'double'}
);
