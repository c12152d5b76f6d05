-- Purpose: the target period a link uses in each evaluation period, per pattern of target
--          periods (engine/status_links.sql; docs/rules.md §1): the period itself if it has
--          targets, else the latest period ending before it (the longer on a tie, then the
--          smaller code), else none (chosen_period NULL). n_rows: the link's target rows in the
--          chosen period, which share its weight.
-- Grain:   one row per pattern_no and evaluation period.
-- Params:  none.
with
patterns as (
    select distinct pattern_no, pattern, from status_links
),
pattern_periods as (
    select x.pattern_no, x.period, count(*) as n_rows,
    from (select pattern_no, unnest(pattern) as period, from patterns) x
    group by x.pattern_no, x.period
),
dated as (
    select x.*, p.period_start, p.period_end, from pattern_periods x join periods p using (period)
),
chosen as (
    select
        x.pattern_no, e.period, e.period_no, e.year,
        coalesce(
            any_value({'period': d.period, 'n_rows': d.n_rows}) filter (d.period = e.period),
            arg_min(
                {'period': d.period, 'n_rows': d.n_rows},
                (e.period_end - d.period_end, d.period_start, d.period)
            ) filter (d.period_end < e.period_end)
        ) as pick,
    from patterns x
    cross join eval_periods e
    left join dated d on d.pattern_no = x.pattern_no and d.period_end <= e.period_end
    group by x.pattern_no, e.period, e.period_no, e.year
)
select
    pattern_no, period, period_no, year,
    pick.period as chosen_period, coalesce(pick.n_rows, 1) as n_rows,
from chosen;
