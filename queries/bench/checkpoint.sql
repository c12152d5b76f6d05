-- Purpose: write everything to the database file, as the end of a build does (bench/child.py,
--          bench/profile.py).
-- Grain:   no rows.
-- Params:  none.
checkpoint;
