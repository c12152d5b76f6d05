-- Purpose: one goal's status in each reported period (public_app/report_periods), for the
--          table of earlier years on the public goal page, with whether part of what the status
--          rests on is not public.
-- Grain:   one row per period in $periods in which the goal was valid, newest first.
-- Params:  $goal; $periods: the reported periods.
select
    s.period,
    s.effective_status as status,
    h.goal_id is not null as has_hidden_basis,
from goal_status s
left join hidden_basis h on h.goal_id = s.goal_id and h.period = s.period
where s.goal_id = $goal and list_contains($periods, s.period)
order by s.period_end desc, s.period;
