-- Purpose: keep only the outcome rows of the unchanged files in a copied warehouse: the rows of
--          the files that changed or are no longer among the sources go.
-- Grain:   a statement.
-- Params:  $paths: the unchanged outcome files (outcomes.source_path).
delete from outcomes where not list_contains($paths, source_path)
