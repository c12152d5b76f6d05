-- Purpose: the statuses of an uppdrag or aktivitet with their words, symbols and
--          explanations (etl/assignment_statuses.csv), for the legend on the page Uppdrag.
-- Grain:   one row per status, in their order.
-- Params:  none.
select code, label, symbol, is_closed, explanation,
from assignment_statuses
order by sort_order;
