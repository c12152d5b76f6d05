-- Purpose: how many outcome rows repeat the key of another row, exactly: each key is numbered
--          from the dictionaries of outcome_code.sql and set as one bit of a bitmap, so the
--          rows that set no new bit are repeats. Far cheaper than a hash aggregate over tens of
--          millions of keys; etl/bulk.py uses it only while the bitmap stays small. The rows
--          an incremental build kept take part when every value of their key is in the
--          dictionaries, that is when their key could be a new row's (the joins leave the
--          others out; their own keys were unique when they were stored).
-- Grain:   one row.
-- Params:  $subjects, $periods, $genders: the dictionary sizes; $keys: their product with the
--          number of indicators.
select count(*) - coalesce(bit_count(bitstring_agg(
    ((i.code * $subjects + s.code) * $periods + p.code) * $genders + g.code, 0, $keys
)), 0) as repeats,
from outcomes o
join bulk_indicators i on i.v = o.indicator_id
join bulk_subjects s on s.v = o.subject
join bulk_periods p on p.v = o.period
join bulk_genders g on g.v = o.gender;
