-- Purpose: each Kolada KPI's metadata as the latest answer gives it, for kolada_kpis; a title
--          ending in "(-2024)" marks a series Kolada no longer publishes.
-- Grain:   one row per KPI.
-- Params:  none.
create or replace temp table stg_kolada_kpis as
select
    kpi, title, description, operating_area, perspective, is_divided_by_gender,
    publication_date, prel_publication_date, publ_period,
    regexp_matches(title, '\(-\d{4}\)\s*$') as is_discontinued,
    fetched_at, manifest,
from raw_kolada_kpis
qualify row_number() over (partition by kpi order by answer desc, manifest desc) = 1;
