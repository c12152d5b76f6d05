-- Purpose: goal–indicator links whose status in the period is 'saknar utfall' although the
--          series has outcomes up to the period: the latest one is older than
--          max_outcome_age_years allows (docs/rules.md §1), so it does not count. The series of
--          a better_than row is the municipality's own (its subject is the reference).
-- Grain:   one row per goal, indicator, subject and gender, by indicator then goal.
-- Params:  $period.
with
missing as (
    select
        s.*,
        if(
            s.comparator = 'better_than',
            (select value from settings where key = 'municipality_code'),
            s.subject
        ) as series_subject,
    from indicator_status s
    where s.period = $period and s.status = 'saknar utfall' and s.value is null
),
latest as (
    -- The latest outcome with a value ending no later than the period, per series; on a tie
    -- of end dates the longer period.
    select o.indicator_id, o.subject as series_subject, o.gender, o.period, o.period_end,
    from outcomes o
    join (select distinct indicator_id, series_subject, gender, from missing) s
        on s.indicator_id = o.indicator_id and s.series_subject = o.subject
        and s.gender = o.gender
    where o.value is not null
        and o.period_end <= (select period_end from periods where period = $period)
    qualify row_number() over (
        partition by o.indicator_id, o.subject, o.gender
        order by o.period_end desc, o.period_start, o.period
    ) = 1
)
select
    s.indicator_id,
    i.title as indicator_title,
    s.goal_id,
    g.title as goal_title,
    s.subject,
    s.gender,
    case
        when s.series_subject = (select value from settings where key = 'municipality_code')
            then 'Kommunen'
        when s.series_subject = '0000' then 'Riket'
        else coalesce(
            (select name from organisation where org_id = s.series_subject), s.series_subject
        )
    end || ', ' || case s.gender when 'K' then 'kvinnor' when 'M' then 'män' else 'totalt' end
        as series_text,
    l.period as latest_period,
    l.period_end as latest_period_end,
    coalesce(
        (select value::double from settings where key = 'max_outcome_age_years'), 1
    ) as max_outcome_age_years,
from missing s
join latest l using (indicator_id, series_subject, gender)
join indicators i on i.indicator_id = s.indicator_id
join goals g on g.goal_id = s.goal_id
order by s.indicator_id, s.goal_id, s.subject, s.gender;
