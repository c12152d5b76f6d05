-- Purpose: keep the file as the probe side of the fast path's join. DuckDB guesses a few dozen
--          rows for a CSV file read with given columns, and would hash the file and probe it
--          with the period codes: the rows would come out in hash order, scattering each
--          indicator's rows over the whole table (and its zone maps).
-- Grain:   a statement.
-- Params:  none.
set disabled_optimizers = 'build_side_probe_side';
