-- Purpose: add the values of one Kolada folder's answers to raw_kolada, read by DuckDB from
--          the pages exactly as Kolada sent them (v3: one object per KPI, area and year with
--          a list of genders; isdeleted only in answers to from_date).
-- Grain:   one row per value of every page.
-- Params:  $manifest (the manifest's path), $files (the pages of value answers), $answers
--          (each file's answer number), $fetched (each file's fetch time, ISO 8601 UTC).
insert into raw_kolada
with pages as (
    select filename, unnest("values") as item
    from read_json(
        $files,
        filename = true,
        columns = {'values': 'struct(kpi varchar, municipality varchar, period bigint, "values" struct(gender varchar, count bigint, status varchar, "value" double, isdeleted boolean)[])[]'}
    )
),
files as (
    select unnest($files) as filename, unnest($answers) as answer, unnest($fetched) as fetched
)
select
    $manifest,
    f.answer,
    f.fetched::timestamptz::timestamp,
    upper(p.item.kpi),
    p.item.municipality,
    p.item.period,
    upper(v.gender),
    v."value",
    nullif(v.status, ''),
    v."count",
    coalesce(v.isdeleted, false),
from pages p
join files f using (filename)
cross join unnest(p.item."values") as u(v);
