-- Purpose: keep DuckDB's progress bar out of a benchmark's printed report (bench/profile.py).
-- Grain:   no rows.
-- Params:  none.
set enable_progress_bar = false;
