-- Purpose: the kept outcome rows in place of the empty outcomes table that schema.sql created
--          (set_aside_outcomes.sql set them aside). The tables have the same columns: the copy
--          was built by the same code (load_log.code_sha256).
-- Grain:   statements.
-- Params:  none.
drop table outcomes;
alter table kept_outcomes rename to outcomes;
