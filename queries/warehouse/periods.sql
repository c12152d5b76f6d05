-- Purpose: fill the periods table from the warehouse tables targets, outcomes and assessments,
--          once they are loaded (load.sql; in an incremental build, as kept and appended).
-- Grain:   see schema.sql.
-- Params:  none (the period texts are parsed in the temp table period_codes).
insert into periods
with used as (
    select distinct period, 'target' as used_in from targets
    union select distinct period, 'outcome' from outcomes
    union select distinct period, 'assessment' from assessments
    union select distinct made_in, 'forecast' from forecasts
    union select distinct period, 'forecast' from forecasts
),
parsed as (
    select
        c.period, any_value(c.period_type) as period_type, any_value(c.year) as year,
        any_value(c.period_start) as period_start, any_value(c.period_end) as period_end,
        bool_or(u.used_in = 'outcome') as has_outcomes,
        bool_or(u.used_in = 'assessment') as has_assessments,
        bool_or(u.used_in in ('outcome', 'assessment')) as is_evaluated,
    from used u
    join period_codes c on c.period = u.period
    group by c.period
),
months(names, short) as (
    select
        ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
            'oktober', 'november', 'december'],
        ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
)
select
    p.period, p.period_type, p.year, p.period_start, p.period_end,
    -- "2025 (helår)", "2025 tertial 2 (jan–aug)", "2021 halvår 1 (jan–jun)", "2025 kvartal 3
    -- (jul–sep)", "maj 2025": every period's words, from its first and last month.
    case p.period_type
        when 'year' then p.period || ' (helår)'
        when 'month' then m.names[month(p.period_end)] || ' ' || p.year
        else p.year || ' ' || lower(t.label) || ' ' || right(p.period, 1) || ' ('
            || m.short[month(p.period_start)] || '–' || m.short[month(p.period_end)] || ')'
    end as label,
    case when t.part_prefix is null then p.period
        else p.year || ' ' || t.part_prefix || right(p.period, 1)
    end as short_label,
    case p.period_type
        when 'year' then p.period
        when 'month' then m.short[month(p.period_end)]
        else t.part_prefix || right(p.period, 1)
    end as part_label,
    p.has_outcomes, p.has_assessments, p.is_evaluated,
from parsed p
join period_types t using (period_type), months m
order by p.period_end, p.period
