-- Purpose: each Kolada group's title and members as the latest source that lists the group
--          gives them (a fetched answer before a file; among files, the last by name), for
--          kolada_group_members.
-- Grain:   one row per group and member.
-- Params:  none.
create or replace temp table stg_kolada_groups as
with newest as (
    select group_id, source, answer,
    from raw_kolada_groups
    qualify row_number() over (
        partition by group_id order by fetched_at desc nulls last, answer desc, source desc
    ) = 1
)
select distinct g.group_id, g.group_title, g.member_id, g.source,
from raw_kolada_groups g
join newest n using (group_id, source, answer);
