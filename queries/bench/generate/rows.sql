-- Purpose: write one of the goal model's small tables, made in Python and registered as
--          generated_rows, to its CSV file in the source folder (bench/generate.py).
-- Grain:   one row: the number of rows written.
-- Params:  $path: the CSV file to write.
copy (from generated_rows) to $path (header, delimiter ',');
