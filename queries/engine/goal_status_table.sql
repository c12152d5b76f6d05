-- Purpose: the (empty) table of goal statuses that goal_status_pass.sql fills one height at a
--          time; engine/sort_goal_status.sql stores it as goal_status. goal_no and period_no
--          (goal_heights, eval_periods) are the key the passes join on.
-- Grain:   one row per goal valid in the period and evaluation period.
-- Params:  none.
create or replace temp table goal_status_rows (
    goal_id varchar not null,
    period varchar not null,
    computed_status varchar not null,
    assessed_status varchar,
    effective_status varchar not null,
    score double,
    coverage double,
    n_inputs integer not null,
    n_assessable integer not null,
    status_differs boolean not null,
    has_override_reason boolean not null,
    period_end date not null,
    height integer not null,
    goal_no bigint not null,
    period_no bigint not null,
);
