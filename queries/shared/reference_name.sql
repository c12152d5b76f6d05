-- Purpose: whom an indicator_status row s of a better_than target is compared with, in words, as
--          an expression to include where s is indicator_status: "riket", a Kolada area's
--          title, a Kolada group's title ("medianen för" it when the value is its members'
--          median), else the code; NULL for any other comparator.
-- Grain:   one value per row s.
-- Params:  none.
if(
    s.comparator = 'better_than',
    if(s.reference_members is not null, 'medianen för ', '') || coalesce(
        if(s.subject = '0000', 'riket', null),
        (select any_value(a.title) from kolada_areas a where a.area = s.subject),
        (select any_value(g.group_title) from kolada_group_members g where g.group_id = s.subject),
        s.subject
    ),
    null
)
