-- Purpose: add Kolada's municipality groups with their members from one folder's answers to
--          /municipality_groups to raw_kolada_groups, read by DuckDB from the pages as Kolada
--          sent them (v3: id, title, members [{id, title}]).
-- Grain:   one row per member of every group of every page.
-- Params:  $manifest (the manifest's path), $files (the pages), $answers (each file's answer
--          number), $fetched (each file's fetch time, ISO 8601 UTC).
insert into raw_kolada_groups
with pages as (
    select filename, unnest("values") as g
    from read_json(
        $files,
        filename = true,
        columns = {'values': 'struct(id varchar, title varchar, members struct(id varchar, title varchar)[])[]'}
    )
),
files as (
    select unnest($files) as filename, unnest($answers) as answer, unnest($fetched) as fetched
)
select
    $manifest, f.answer, f.fetched::timestamptz::timestamp, upper(trim(p.g.id)), p.g.title,
    trim(m.id),
from pages p
join files f using (filename)
cross join unnest(p.g.members) as u(m)
where nullif(trim(p.g.title), '') is not null;
