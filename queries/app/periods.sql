-- Purpose: the periods the engine evaluated, newest first, with a Swedish label, a compact
--          axis label (short_label: "2024", "2024 T2", "2024 K3", "2024-05") and a flag for the
--          default choice (the latest; a full year before a tertial ending the same day).
-- Grain:   one row per evaluated period.
-- Params:  none.
with labelled as (
    select
        period,
        period_type,
        period_end,
        case period_type
            when 'year' then period || ' (helår)'
            when 'tertial' then left(period, 4) || ' tertial ' || right(period, 1) || ' (jan–'
                || ['apr', 'aug', 'dec'][right(period, 1)::integer] || ')'
            when 'quarter' then left(period, 4) || ' kvartal ' || right(period, 1)
            else ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
                'september', 'oktober', 'november', 'december'][month(period_end)]
                || ' ' || left(period, 4)
        end as label,
        case period_type
            when 'tertial' then left(period, 4) || ' T' || right(period, 1)
            when 'quarter' then left(period, 4) || ' K' || right(period, 1)
            else period
        end as short_label,
    from periods
    where is_evaluated
)
select
    *,
    row_number() over (order by period_end desc, period_type = 'year' desc, period) = 1
        as is_default,
from labelled
order by period_end desc, period_type = 'year' desc, period;
