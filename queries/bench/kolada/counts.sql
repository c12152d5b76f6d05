-- Purpose: what a build from a Kolada folder holds, for bench/kolada.py: its Kolada values, the
--          revised ones among them (a later fetch changed them), and the outcomes they became.
-- Grain:   one row.
-- Params:  none.
select
    (select count(*) from kolada_values) as kolada_values,
    (select count(*) from kolada_values where revised_from is not null) as revised,
    (select count(*) from outcomes where source = 'kolada') as outcomes,
