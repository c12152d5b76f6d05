-- Purpose: write everything to the database file before it is closed and swapped in.
-- Grain:   a statement.
-- Params:  none.
checkpoint;
