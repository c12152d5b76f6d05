-- Purpose: DuckDB's own progress bar on the terminal (for statements over two seconds), on for
--          an interactive build, off otherwise.
-- Grain:   a statement.
-- Params:  $on: boolean.
set enable_progress_bar = $on;
