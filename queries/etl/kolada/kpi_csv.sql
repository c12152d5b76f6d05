-- Purpose: add Kolada's KPI metadata from a CSV file with v3's field names (id, title,
--          description, …, publ_period; as rKolada's catalogue is flattened) to
--          raw_kolada_kpis, as if fetched once at an unknown time.
-- Grain:   one row per line of the file.
-- Params:  $file (the file).
insert into raw_kolada_kpis
select
    $file, 1, null, upper(trim(id)), title, description, operating_area, perspective,
    try_cast(is_divided_by_gender as boolean),
    try_cast(publication_date as date), try_cast(prel_publication_date as date),
    nullif(trim(publ_period), ''),
from read_csv($file, header = true, all_varchar = true, delim = ',', quote = '"');
