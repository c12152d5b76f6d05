-- Purpose: an uppdrag whose deadline is before its decision. (Its references to organisations,
--          goals and uppdrag are checked with every other reference, in references.sql.)
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  none.
select _file, _sheet, _row, 'deadline', format('"{}" är före beslutsdagen {}', deadline, decided_on),
    'en sista dag som inte är före decided_on',
from stg_assignments where deadline < decided_on
order by 1, 2, 3;
