-- Purpose: whether any outcomes have been staged row by row.
-- Grain:   one value.
-- Params:  none.
select exists (from raw_outcomes) as staged;
