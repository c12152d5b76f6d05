-- Purpose: add Kolada's municipality groups from a CSV file of group_id,group_title,member_id
--          (member_title and other columns are not needed; as rKolada flattens Kolada's
--          /municipality_groups answer, one line per member) to raw_kolada_groups, as if
--          fetched once at an unknown time.
-- Grain:   one row per line of the file with a group, a title and a member.
-- Params:  $file (the file).
insert into raw_kolada_groups
select $file, 1, null, upper(trim(group_id)), trim(group_title), trim(member_id),
from read_csv($file, header = true, all_varchar = true, delim = ',', quote = '"')
where nullif(trim(group_id), '') is not null and nullif(trim(group_title), '') is not null
    and nullif(trim(member_id), '') is not null;
