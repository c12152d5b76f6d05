-- Purpose: remove the rows of the files a fast load stored when a check failed; they are then
--          staged row by row.
-- Grain:   a statement.
-- Params:  $paths: the files (outcomes.source_path).
delete from outcomes where list_contains($paths, source_path);
