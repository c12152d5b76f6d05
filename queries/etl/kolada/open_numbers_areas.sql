-- Purpose: add Kolada's areas from an entity file of the open-numbers dump of Kolada
--          (ddf--entities--geo--kommun.csv, …--region.csv, …--rike.csv: the id column named for
--          the kind, then name) to raw_kolada_areas. The dump writes regions without their
--          leading zeros ("01") and riket as "0": padded to Kolada's four digits ("0001",
--          "0000"); kommun codes are four digits already.
-- Grain:   one row per line of the file with an id and a name.
-- Params:  $file (the file), $type (K for kommuner, L for regions and riket); template: column
--          (the id column: kommun, region or rike).
insert into raw_kolada_areas
select $file, 1, null, lpad(trim({{ column | ident }}), 4, '0'), trim(name), $type,
from read_csv($file, header = true, all_varchar = true, delim = ',', quote = '"')
where nullif(trim({{ column | ident }}), '') is not null and nullif(trim(name), '') is not null;
