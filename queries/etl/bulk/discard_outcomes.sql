-- Purpose: remove the rows of a fast load whose checks failed; the file is then staged row by
--          row.
-- Grain:   a statement.
-- Params:  none.
delete from outcomes;
