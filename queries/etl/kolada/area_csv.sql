-- Purpose: add Kolada's areas from a CSV file of id,title,type (as rKolada flattens Kolada's
--          /municipality answer) to raw_kolada_areas, as if fetched once at an unknown time.
-- Grain:   one row per line of the file with an id and a title.
-- Params:  $file (the file).
insert into raw_kolada_areas
select $file, 1, null, trim(id), trim(title), upper(trim(type)),
from read_csv(
    $file, header = true, auto_detect = false, delim = ',', quote = '"',
    columns = {'id': 'varchar', 'title': 'varchar', 'type': 'varchar'}
)
where nullif(trim(id), '') is not null and nullif(trim(title), '') is not null;
