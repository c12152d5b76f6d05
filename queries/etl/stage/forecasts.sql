-- Purpose: typed forecasts (prognoser): a year's value as foreseen at a delår; subject defaults
--          to the municipality, gender to T. They are never outcomes.
-- Grain:   one row per forecast row in the sources.
-- Params:  none.
create or replace temp table stg_forecasts as
select
    r._file, r._sheet, r._row,
    indicator_id,
    p.period, p.period_type, p.period_end,
    m.period as made_in,
    m.period_end as made_in_end,
    parse_number(value) as value,
    coalesce(subject, municipality_code()) as subject,
    coalesce(upper(gender), 'T') as gender,
    comment,
    extra,
from raw_forecasts r
left join period_codes p on p.raw = r.period
left join period_codes m on m.raw = r.made_in;
