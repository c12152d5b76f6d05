-- Purpose: the open data's assignment_status.csv: the status reports of the public uppdrag, as
--          reported (not carried forward: a build from the files carries them forward again).
-- Grain:   one row per assignment and period.
-- Params:  none.
select assignment_id, period, status, comment, reported_on,
from assignment_status
order by assignment_id, period_end, period;
