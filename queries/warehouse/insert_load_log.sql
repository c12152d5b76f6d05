-- Purpose: one row of the load log: a file read by the build and the rows it gave one table.
-- Grain:   a statement, run once per (file, table).
-- Params:  $source_path; $sha256; $table_name (NULL for a file that gave no rows);
--          $row_count; $built_at (UTC); $format_version; $code_sha256.
insert into load_log
values ($source_path, $sha256, $table_name, $row_count, $built_at, $format_version, $code_sha256);
