-- Purpose: every series (indicator, subject, gender) a link may ask for, numbered: its targets'
--          subjects and genders (for better_than both the reference's series and the
--          municipality's own in the target's gender), or the municipality in total when it
--          has no target (more than the links ask for; the extra lookups are never joined).
-- Grain:   one row per indicator_id, subject, gender.
-- Params:  $municipality: the default subject.
select *, row_number() over (order by indicator_id, subject, gender) as series_no,
from (
    select indicator_id, coalesce(subject, $municipality) as subject, coalesce(gender, 'T') as gender,
    from targets
    union
    select indicator_id, $municipality, coalesce(gender, 'T'), from targets
    where comparator = 'better_than'
    union
    select indicator_id, $municipality, 'T', from goal_indicators
);
