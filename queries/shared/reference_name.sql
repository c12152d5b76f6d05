-- Purpose: whom an indicator_status row s of a better_than target is compared with, in words, as
--          an expression to include where s is indicator_status and rn its subject's row of
--          shared/reference_names.sql: the area's name ("medianen för" it when the value is its
--          members' median), else its code; NULL for any other comparator.
-- Grain:   one value per row s.
-- Params:  none.
if(
    s.comparator = 'better_than',
    if(s.reference_members is not null, 'medianen för ', '') || coalesce(rn.name, s.subject),
    null
)
