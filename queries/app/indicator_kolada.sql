-- Purpose: Kolada's own metadata of an indicator's KPI (kolada_kpis), for the indicator page.
-- Grain:   one row (none when the indicator names no KPI or no Kolada folder held its metadata).
-- Params:  $indicator.
select
    k.kpi, k.title, k.description, k.operating_area, k.perspective, k.publ_period,
    k.publication_date, k.prel_publication_date, k.is_discontinued, k.fetched_at,
from indicators i
join kolada_kpis k on k.kpi = i.kolada_kpi
where i.indicator_id = $indicator;
