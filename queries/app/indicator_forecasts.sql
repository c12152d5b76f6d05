-- Purpose: the forecasts (prognoser) of one indicator for the Indikator page, beside its
--          outcomes and never mixed with them: the municipality's own and its units', in total
--          and by gender, with the delår each was made at and its words.
-- Grain:   one row per forecast, latest year first, then latest delår.
-- Params:  $indicator.
select
    f.period,
    f.made_in,
    coalesce(p.label, f.made_in) as made_in_label,
    f.value,
    f.gender,
    case
        when f.subject = (select value from settings where key = 'municipality_code') then ''
        else coalesce(o.name, f.subject)
    end as subject_text,
    f.comment,
from forecasts f
left join periods p on p.period = f.made_in
left join organisation o on o.org_id = f.subject
where f.indicator_id = $indicator
order by f.period desc, p.period_end desc nulls last, f.made_in desc, subject_text, f.gender;
