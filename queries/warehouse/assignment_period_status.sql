-- Purpose: each assignment's status in every evaluated period (periods.is_evaluated), once
--          the periods are filled: the latest report whose period ends at or before the
--          period's end carries forward, so that genomfört stays genomfört until a later
--          report says otherwise (it is reopened). The rule is described in docs/rules.md.
-- Grain:   one row per assignment and evaluated period from its decision or first report on.
-- Params:  none.
insert into assignment_period_status
with
latest as (
    select
        a.assignment_id, p.period, p.period_end, a.decided_on, a.deadline,
        r.status, r.period as reported_period, r.comment, r.reported_on,
        r.period_end as reported_end,
    from assignments a
    cross join periods p
    left join assignment_status r
        on r.assignment_id = a.assignment_id and r.period_end <= p.period_end
    where p.is_evaluated
    -- The latest report; of two ending on the same day (2024 and 2024-T3) the longer period.
    qualify row_number() over (
        partition by a.assignment_id, p.period
        order by r.period_end desc nulls last, r.period_type = 'year' desc, r.period desc
    ) = 1
)
select
    l.assignment_id, l.period, l.period_end, l.status, l.reported_period, l.comment,
    l.reported_on,
    coalesce(s.is_closed, false) as is_closed,
    coalesce(l.deadline < l.period_end and not coalesce(s.is_closed, false), false)
        as deadline_passed,
from latest l
left join assignment_statuses s on s.code = l.status
where l.status is not null or l.decided_on is null or l.decided_on <= l.period_end
order by l.assignment_id, l.period_end, l.period;
