-- Purpose: fill kolada_comparisons once the outcomes are loaded (in every build, as periods):
--          for each Kolada indicator (kolada_kpi) and year, the Kolada values (gender T,
--          source kolada) of the municipality, riket (0000) and its län (00 + the first two
--          digits of its code), and of the peer group's members (kolada_peer_group, without
--          the municipality itself): their median (the mean of the two middle values when
--          their number is even), min and max; how many peers with a value the municipality
--          is better than, equal to and worse than in the indicator's direction; and its place
--          among all kommuner with a value (type K in kolada_areas, else a four-digit code not
--          starting with 00): 1 + the number of kommuner with a better value, so kommuner with
--          equal values share the better place. Place band: best when place <= places / 4,
--          worst when place > places - places / 4, else middle (docs/kolada.md). A neutral
--          direction has no rank, place or band.
-- Grain:   one row per indicator and year with a value for the municipality, riket, the län
--          or a peer.
-- Params:  none.
insert into kolada_comparisons
with code as (
    select
        max(value) as municipality,
        '00' || left(max(value), 2) as lan_id,
    from settings
    where key = 'municipality_code'
),
kolada as (
    select
        o.indicator_id, o.period, o.subject as area, o.value,
        case i.direction when 'higher' then o.value when 'lower' then -o.value end as score,
    from outcomes o
    join indicators i using (indicator_id)
    where i.kolada_kpi is not null and o.gender = 'T' and lower(o.source) = 'kolada'
),
peers as (
    select m.member_id as area
    from kolada_peer_group g
    join kolada_group_members m using (group_id)
    where m.member_id <> (select municipality from code)
),
mine as (select k.* from kolada k where k.area = (select municipality from code)),
keys as (
    select distinct indicator_id, period
    from kolada
    where area in (select municipality from code union all select lan_id from code)
        or area = '0000'
        or area in (from peers)
),
peer_stats as (
    select
        k.indicator_id, k.period,
        count(k.value) as peer_values,
        median(k.value) as peer_median,
        min(k.value) as peer_min,
        max(k.value) as peer_max,
        if(any_value(m.score) is null, null, count(*) filter (k.score < m.score)) as worse,
        if(any_value(m.score) is null, null, count(*) filter (k.score = m.score)) as equal,
        if(any_value(m.score) is null, null, count(*) filter (k.score > m.score)) as better,
    from kolada k
    join peers p using (area)
    left join mine m using (indicator_id, period)
    group by all
),
kommuner as (
    select k.*
    from kolada k
    left join kolada_areas a using (area)
    where k.value is not null and regexp_full_match(k.area, '\d{4}') and k.area <> '0000'
        and coalesce(a.type = 'K', not starts_with(k.area, '00'))
),
places as (
    select
        k.indicator_id, k.period,
        count(*) as places,
        1 + count(*) filter (k.score > m.score) as place,
    from kommuner k
    join mine m using (indicator_id, period)
    where m.score is not null
    group by all
)
select
    keys.indicator_id,
    keys.period,
    code.municipality,
    m.value,
    r.value,
    code.lan_id,
    la.title,
    l.value,
    g.group_id,
    g.group_title,
    if(g.group_id is null, null, (select count(*) from peers)),
    coalesce(s.peer_values, if(g.group_id is null, null, 0)),
    s.peer_median,
    s.peer_min,
    s.peer_max,
    s.worse,
    s.equal,
    s.better,
    p.place,
    p.places,
    case
        when p.place is null then null
        when p.place <= p.places / 4 then 'best'
        when p.place > p.places - p.places / 4 then 'worst'
        else 'middle'
    end,
from keys
cross join code
left join mine m using (indicator_id, period)
left join kolada r on r.indicator_id = keys.indicator_id and r.period = keys.period
    and r.area = '0000'
left join kolada l on l.indicator_id = keys.indicator_id and l.period = keys.period
    and l.area = code.lan_id
left join kolada_areas la on la.area = code.lan_id
left join kolada_peer_group g on true
left join peer_stats s on s.indicator_id = keys.indicator_id and s.period = keys.period
left join places p on p.indicator_id = keys.indicator_id and p.period = keys.period
order by keys.indicator_id, keys.period;
