-- Purpose: add Kolada's areas from one folder's answers to /municipality to raw_kolada_areas,
--          read by DuckDB from the pages as Kolada sent them (v3: id, title, type).
-- Grain:   one row per area of every page.
-- Params:  $manifest (the manifest's path), $files (the pages), $answers (each file's answer
--          number), $fetched (each file's fetch time, ISO 8601 UTC).
insert into raw_kolada_areas
with pages as (
    select filename, unnest("values") as a
    from read_json(
        $files,
        filename = true,
        columns = {'values': 'struct(id varchar, title varchar, type varchar)[]'}
    )
),
files as (
    select unnest($files) as filename, unnest($answers) as answer, unnest($fetched) as fetched
)
select
    $manifest, f.answer, f.fetched::timestamptz::timestamp, trim(a.id), a.title,
    upper(trim(a.type)),
from pages p
join files f using (filename)
where nullif(trim(a.id), '') is not null and nullif(trim(a.title), '') is not null;
