-- Purpose: set the kept outcome rows of a copied warehouse aside while the warehouse schema is
--          created anew (restore_outcomes.sql then puts them in place of the empty table).
-- Grain:   a statement.
-- Params:  none.
alter table outcomes rename to kept_outcomes;
