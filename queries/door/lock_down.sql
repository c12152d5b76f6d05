-- Purpose: lock a read-only connection down for a public-facing app: no files, URLs or
--          extensions can be reached from a query, and no setting can be changed afterwards.
-- Grain:   statements.
-- Params:  none.
set enable_external_access = false;
set lock_configuration = true;
