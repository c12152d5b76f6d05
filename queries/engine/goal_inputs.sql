-- Purpose: the inputs of one goal's computed status in one period: its indicator statuses and
--          its valid child goals, with weight, score and contribution to the goal's score.
-- Grain:   one row per input (indicator row or child goal), indicators first.
-- Params:  $goal_id; $period.
with inputs as (
    select
        'indikator' as input_kind,
        s.indicator_id as input_id,
        i.title as input_title,
        s.subject, s.gender,
        s.status,
        s.weight,
    from indicator_status s
    join indicators i on i.indicator_id = s.indicator_id
    where s.goal_id = $goal_id and s.period = $period
    union all
    select 'mål', c.goal_id, g.title, null, null, c.effective_status, l.weight,
    from goal_links l
    join goal_status c on c.goal_id = l.child_id and c.period = $period
    join goals g on g.goal_id = c.goal_id
    where l.parent_id = $goal_id
),
scored as (
    select i.*, v.score, from inputs i left join statuses v on v.code = i.status
)
select
    *,
    score is not null as is_assessable,
    weight * score / sum(weight) filter (where score is not null) over () as contribution,
from scored
order by input_kind = 'mål', input_id, subject, gender;
