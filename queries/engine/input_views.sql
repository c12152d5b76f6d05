-- Purpose: the engine's input tables as views on an attached warehouse, so that a period can be
--          evaluated on demand in a scratch database (attainment/status.py) without copying.
-- Grain:   statements.
-- Params:  none.
create temp view settings as from warehouse.settings;
create temp view goals as from warehouse.goals;
create temp view goal_links as from warehouse.goal_links;
create temp view indicators as from warehouse.indicators;
create temp view goal_indicators as from warehouse.goal_indicators;
create temp view targets as from warehouse.targets;
create temp view outcomes as from warehouse.outcomes;
create temp view assessments as from warehouse.assessments;
create temp view periods as from warehouse.periods;
create temp view kolada_group_members as from warehouse.kolada_group_members;
create temp view statuses as from warehouse.statuses;
