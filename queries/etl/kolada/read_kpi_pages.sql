-- Purpose: add the KPI metadata of one Kolada folder's answers to raw_kolada_kpis, read by
--          DuckDB from the pages as Kolada sent them (v3's field names).
-- Grain:   one row per KPI of every page.
-- Params:  $manifest (the manifest's path), $files (the pages of KPI answers), $answers (each
--          file's answer number), $fetched (each file's fetch time, ISO 8601 UTC).
insert into raw_kolada_kpis
with pages as (
    select filename, unnest("values") as k
    from read_json(
        $files,
        filename = true,
        columns = {'values': 'struct(id varchar, title varchar, description varchar, operating_area varchar, perspective varchar, is_divided_by_gender boolean, publication_date varchar, prel_publication_date varchar, publ_period varchar)[]'}
    )
),
files as (
    select unnest($files) as filename, unnest($answers) as answer, unnest($fetched) as fetched
)
select
    $manifest, f.answer, f.fetched::timestamptz::timestamp,
    upper(k.id), k.title, k.description, k.operating_area, k.perspective,
    k.is_divided_by_gender,
    try_cast(k.publication_date as date), try_cast(k.prel_publication_date as date),
    k.publ_period,
from pages p
join files f using (filename);
