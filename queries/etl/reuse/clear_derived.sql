-- Purpose: empty the tables of a copied warehouse that an incremental build makes anew besides
--          the statuses (which the engine replaces): those that depend on the outcomes or on
--          the build itself (periods, outcome_series, kolada_comparisons). The others come
--          from the model's unchanged files and stay.
-- Grain:   statements.
-- Params:  none.
delete from periods;
delete from outcome_series;
delete from load_log;
delete from kolada_comparisons;
delete from assignment_period_status;
