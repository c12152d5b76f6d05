-- Purpose: the inputs of one goal's computed status in one period: its indicator statuses and
--          its valid child goals, with weight, score and contribution to the goal's score.
-- Grain:   one row per input (indicator row or child goal), indicators first.
-- Params:  $goal_id; $period.
with inputs as (
    {% set with_comparisons = true %}
    {% include 'engine/goal_input_rows.sql' %}
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
