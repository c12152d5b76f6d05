-- Purpose: what the fast path must rule out besides what outcomes.sql already refuses; any
--          non-zero count sends the files to the row-by-row path, which names every bad cell.
--          Values that repeat (ids, subjects, genders, sources) are tested once each, and only
--          the rows of the files just stored (an incremental build checked the rows it keeps
--          when they were stored).
-- Grain:   one row of counts.
-- Params:  $genders: the valid gender codes; $max_cell: the longest cell; $paths: the files just stored
--          (outcomes.source_path).
select
    (
        select count(*) from outcomes
        where not isfinite(value) and list_contains($paths, source_path)
    ) as non_finite_values,
    (
        select count(*) from bulk_indicators
        where v not in (select indicator_id from stg_indicators where indicator_id is not null)
    ) as unknown_indicators,
    (
        select count(*) from bulk_subjects
        where not is_area_code(v)
            and v not in (select org_id from stg_organisation where org_id is not null)
    ) as unknown_subjects,
    (select count(*) from bulk_genders where not list_contains($genders, v)) as unknown_genders,
    -- The row-by-row path trims text; the fast path keeps it as read.
    (
        select count(*) from (
            select distinct source from outcomes where list_contains($paths, source_path)
        )
        where source is distinct from clean_cell(source) or length(source) > $max_cell
    ) as untrimmed_or_long_sources,
