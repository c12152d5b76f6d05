-- Purpose: every optimizer on again after the fast path's insert.
-- Grain:   a statement.
-- Params:  none.
reset disabled_optimizers;
