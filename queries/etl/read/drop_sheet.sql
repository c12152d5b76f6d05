-- Purpose: drop the sheet just staged: a large file's text must not stay in memory while the
--          next one is read.
-- Grain:   a statement.
-- Params:  none.
drop table sheet;
