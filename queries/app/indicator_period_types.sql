-- Purpose: the kinds of period (years, tertials …) the indicator's chart can show, and which
--          one to show first: the type of $period when the indicator has it, else years, else
--          the most common type.
-- Grain:   one row per period type with outcomes for the plotted subjects, default first.
-- Params:  $indicator; $period: the selected evaluation period (may be null).
with municipality as (
    select value as code from settings where key = 'municipality_code'
),
types as (
    -- The same subjects as indicator_series.sql: the municipality, riket, Kolada groups and
    -- the organisation's own units. Counted from outcome_series, one row per series.
    select s.period_type, sum(s.row_count)::bigint as outcome_count,
    from outcome_series s
    where s.indicator_id = $indicator
        and (
            s.subject = (select code from municipality)
            or s.subject = '0000'
            or regexp_full_match(s.subject, 'G[0-9]+')
            or s.subject in (select org_id from organisation)
        )
    group by s.period_type
)
select
    period_type,
    if(period_type = 'year', 'År', t.label) as label,  -- "År", not "Helår", on a chart's axis
    outcome_count,
    row_number() over (
        order by
            period_type = (select period_type from periods where period = $period) desc,
            period_type = 'year' desc,
            outcome_count desc,
            period_type
    ) = 1 as is_default,
from types
join period_types t using (period_type)
order by is_default desc, t.sort_order;
