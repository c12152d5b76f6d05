-- Purpose: the inputs of one goal's computed status in one period (docs/rules.md §2): its
--          indicator statuses and its child goals valid in the period, with their effective
--          status; with_comparisons (set by the including query) adds, for an indicator row,
--          what its explanation says of a better_than target (the outcome, the reference and
--          its name, the indicator's decimals). Included by goal_inputs.sql and
--          goal_what_if.sql.
-- Grain:   one row per input (indicator row or child goal).
-- Params:  $goal_id; $period.
select
    'indikator' as input_kind,
    s.indicator_id as input_id,
    i.title as input_title,
    s.subject, s.gender,
    s.status,
    s.weight,
    {% if with_comparisons %}
    s.comparator, s.value, s.value_period, s.reference_value,
    {% include 'shared/reference_name.sql' %} as reference_name,
    coalesce(i.decimals, 1) as decimals,
    {% endif %}
from indicator_status s
join indicators i on i.indicator_id = s.indicator_id
{% if with_comparisons %}
-- the names of better_than's references
left join ({% include 'shared/reference_names.sql' %}) rn
    on s.comparator = 'better_than' and rn.area = s.subject
{% endif %}
where s.goal_id = $goal_id and s.period = $period
union all
select
    'mål', c.goal_id, g.title, null, null, c.effective_status, l.weight,
    {% if with_comparisons %}null, null, null, null, null, null,{% endif %}
from goal_links l
join goal_status c on c.goal_id = l.child_id and c.period = $period
join goals g on g.goal_id = c.goal_id
where l.parent_id = $goal_id
