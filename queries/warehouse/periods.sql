-- Purpose: fill the periods table from the warehouse tables targets, outcomes and assessments,
--          once they are loaded (load.sql; in an incremental build, as kept and appended).
-- Grain:   see schema.sql.
-- Params:  none (the period texts are parsed in the temp table period_codes).
insert into periods
with used as (
    select distinct period, 'target' as used_in from targets
    union select distinct period, 'outcome' from outcomes
    union select distinct period, 'assessment' from assessments
)
select
    c.period, any_value(c.period_type), any_value(c.year), any_value(c.period_start),
    any_value(c.period_end),
    bool_or(u.used_in = 'outcome') as has_outcomes,
    bool_or(u.used_in = 'assessment') as has_assessments,
    bool_or(u.used_in in ('outcome', 'assessment')) as is_evaluated,
from used u
join period_codes c on c.period = u.period
group by c.period
order by any_value(c.period_end), c.period
