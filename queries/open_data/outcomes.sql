-- Purpose: the open data's outcomes.csv: the outcomes of the public indicators in the
--          interchange format, each with its source as given (source = Kolada is what the
--          attribution "Källa: Kolada" rests on). Outcomes of a unit of the organisation that
--          is not in the public warehouse are left out, as in targets.sql.
-- Grain:   one row per indicator, period, subject and gender.
-- Params:  none.
select
    indicator_id,
    period,
    value,
    subject,
    gender,
    is_preliminary as preliminary,
    source,
from outcomes
-- An area code (is_area_code in queries/etl/macros.sql), or an organisation of the file.
where regexp_full_match(subject, '\d{4}|G\d+') or subject in (select org_id from organisation)
order by indicator_id, subject, gender, period_end, period;
