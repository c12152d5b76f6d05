-- Purpose: store the goal statuses of every pass (goal_status_rows) as goal_status in key order,
--          so two builds from the same sources give identical tables.
-- Grain:   a statement.
-- Params:  none.
create or replace table goal_status as
select * exclude (goal_no, period_no) from goal_status_rows order by goal_no, period_no;
