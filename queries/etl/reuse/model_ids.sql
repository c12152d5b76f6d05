-- Purpose: what the fast path's checks need of the goal model, in an incremental build that
--          does not read the model's files again: the settings, the indicator ids and the
--          organisation ids, from the warehouse tables into the raw staging tables (the other
--          columns stay empty; nothing else reads them in such a build).
-- Grain:   statements.
-- Params:  none.
insert into raw_settings (key, value) select key, value from settings;
insert into raw_indicators (indicator_id) select indicator_id from indicators;
insert into raw_organisation (org_id) select org_id from organisation;
