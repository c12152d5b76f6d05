-- Purpose: how many Kolada values have been read (to count what one folder added).
-- Grain:   one value.
-- Params:  none.
select count(*) from raw_kolada;
