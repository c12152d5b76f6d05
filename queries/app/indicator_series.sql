-- Purpose: the time series of one indicator for the chart, the table and the CSV on the
--          indicator page: the municipality (total, women, men), riket, Kolada groups (unweighted
--          means of their municipalities) and the organisation's own units, in total. Other
--          municipalities and regions are never read. Whole series are kept, in that order, as
--          long as the chart stays within $max_points points.
-- Grain:   one row per subject, gender and period of type $period_type, series by series,
--          oldest period first.
-- Params:  $indicator; $period_type; $max_points.
with
municipality as (
    select
        (select value from settings where key = 'municipality_code') as code,
        (select value from settings where key = 'municipality_name') as name,
),
plotted as (
    select
        o.subject, o.gender, o.period, o.period_end, o.value, o.is_preliminary, o.source,
        case
            when o.subject = m.code then 'kommun'
            when o.subject = '0000' then 'riket'
            when regexp_full_match(o.subject, 'G[0-9]+') then 'grupp'
            else 'enhet'
        end as role,
    from outcomes o, municipality m
    where o.indicator_id = $indicator
        and o.period_type = $period_type
        and (
            o.subject = m.code
            or o.gender = 'T' and (
                o.subject = '0000'
                or regexp_full_match(o.subject, 'G[0-9]+')
                or o.subject in (select org_id from organisation)
            )
        )
),
series as (
    select
        subject, gender, role,
        count(*) as point_count,
        row_number() over (
            order by
                list_position(['kommun', 'riket', 'grupp', 'enhet'], role),
                subject,
                list_position(['T', 'K', 'M'], gender)
        ) as series_rank,
    from plotted
    group by subject, gender, role
),
kept as (
    select
        *,
        sum(point_count) over (order by series_rank) <= $max_points as is_kept,
        count(*) over () as series_total,
    from series
)
select
    k.series_rank,
    k.role,
    p.subject,
    case k.role
        when 'kommun' then coalesce(m.name || ' (' || p.subject || ')', p.subject)
        when 'riket' then 'Riket (0000)'
        when 'grupp' then p.subject || ', ovägt medel'
        else coalesce(org.name || ' (' || p.subject || ')', p.subject)
    end as subject_label,
    p.gender,
    case p.gender when 'K' then 'Kvinnor' when 'M' then 'Män' else 'Totalt' end as gender_label,
    case k.role
        when 'kommun' then coalesce(m.name, 'Kommunen')
            || case p.gender when 'K' then ', kvinnor' when 'M' then ', män' else '' end
        when 'riket' then 'Riket'
        when 'grupp' then p.subject || ' (ovägt medel)'
        else coalesce(org.name || ' (' || p.subject || ')', p.subject)
    end as series_label,
    p.period,
    p.period_end,
    p.value,
    p.is_preliminary,
    p.source,
    -- Kolada is credited as "Kolada" only where the row itself says it comes from Kolada.
    if(lower(trim(p.source)) = 'kolada', 'Kolada', p.source) as source_label,
    k.series_total,
    count(distinct k.series_rank) over () as series_kept,
from plotted p
join kept k using (subject, gender, role)
cross join municipality m
left join organisation org on org.org_id = p.subject
where k.is_kept
order by k.series_rank, p.period_end, p.period;
