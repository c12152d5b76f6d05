-- Purpose: store goal_status in key order, so two builds from the same sources give identical
--          tables (the passes append one height at a time).
-- Grain:   a statement.
-- Params:  none.
create or replace table goal_status as from goal_status order by all;
