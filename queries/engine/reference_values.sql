-- Purpose: the reference values of better_than targets (docs/rules.md §1 *Reference*): per
--          reference series (an area, in the target's indicator and gender) and period, the
--          area's own outcome, or, for a Kolada group without one in that period, the median of
--          its members' outcomes (kolada_group_members; each member once, empty values left
--          out). Only the series better_than targets name: a small table, joined to the
--          indicator rows by the period of the municipality's own outcome.
-- Grain:   one row per series_no and period with a reference value.
-- Params:  none.
with
refs as (
    select distinct s.series_no, s.indicator_id, s.subject, s.gender,
    from targets t
    join status_series s
        on s.indicator_id = t.indicator_id and s.subject = t.subject
        and s.gender = coalesce(t.gender, 'T')
    where t.comparator = 'better_than'
),
own as (
    select r.series_no, o.period, o.value, null::integer as n_members,
    from refs r
    join outcomes o on o.indicator_id = r.indicator_id and o.subject = r.subject and o.gender = r.gender
    where o.value is not null
),
members as (
    select distinct group_id, member_id, from kolada_group_members
),
medians as (
    select r.series_no, o.period, median(o.value) as value, count(*)::integer as n_members,
    from refs r
    join members m on m.group_id = r.subject
    join outcomes o on o.indicator_id = r.indicator_id and o.subject = m.member_id and o.gender = r.gender
    where o.value is not null
    group by r.series_no, o.period
)
select series_no, period, value, n_members, from own
union all
select m.series_no, m.period, m.value, m.n_members,
from medians m
anti join own o on o.series_no = m.series_no and o.period = m.period;
