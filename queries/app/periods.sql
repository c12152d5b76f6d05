-- Purpose: the periods the engine evaluated, newest first, with their Swedish label, a compact
--          axis label (short_label: "2024", "2024 T2", "2021 H1", "2024 K3", "2024-05"; both
--          made by the build, warehouse/periods.sql) and a flag for the default choice (the
--          latest; a full year before a tertial ending the same day).
-- Grain:   one row per evaluated period.
-- Params:  none.
select
    period,
    period_type,
    period_end,
    label,
    short_label,
    row_number() over (order by period_end desc, period_type = 'year' desc, period) = 1
        as is_default,
from periods
where is_evaluated
order by period_end desc, period_type = 'year' desc, period;
