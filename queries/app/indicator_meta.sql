-- Purpose: the metadata of one indicator as the indicator page shows it, with the direction
--          and the kind of source in Swedish words.
-- Grain:   one row (none when the indicator is unknown).
-- Params:  $indicator.
select
    indicator_id,
    title,
    description,
    direction,
    case direction
        when 'higher' then 'högre är bättre'
        when 'lower' then 'lägre är bättre'
        else 'neutral'
    end as direction_text,
    unit,
    decimals,
    source,
    case source
        when 'kolada' then 'Kolada'
        when 'egen' then 'egen mätning'
        when 'scb' then 'SCB'
        when 'enkät' then 'enkät'
        when 'ekonomi' then 'ekonomisystemet'
    end as source_text,
    kolada_kpi,
    is_public,
from indicators
where indicator_id = $indicator;
