-- Purpose: the (empty) goal_status table that goal_status_pass.sql fills one height at a time.
-- Grain:   one row per goal valid in the period and evaluation period.
-- Params:  none.
create or replace table goal_status (
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
);
