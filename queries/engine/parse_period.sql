-- Purpose: a period code in canonical form, NULL when the text is not a period code.
-- Grain:   one value.
-- Params:  $period: the text.
select parse_period($period) as period;
