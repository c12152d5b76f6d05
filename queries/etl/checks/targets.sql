-- Purpose: targets whose comparator lacks what it needs (>= and <= need value; between needs
--          low and high with low <= high; better_than needs an indicator with a direction and
--          a reference area in subject other than the municipality itself). Emptiness is judged
--          on the raw cells, so a non-numeric value is reported once, by the cell check, not
--          again here.
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  none.
select _file, _sheet, _row, 'value',
    format('jämförelsen {} utan målvärde', normalise_comparator(comparator)), 'ett tal i value',
from raw_targets
where normalise_comparator(comparator) in ('>=', '<=') and value is null
union all
select _file, _sheet, _row, if(low is null, 'low', 'high'),
    'between utan ' || if(low is null and high is null, 'low och high', if(low is null, 'low', 'high')),
    'tal i både low och high',
from raw_targets
where normalise_comparator(comparator) = 'between' and (low is null or high is null)
union all
select _file, _sheet, _row, 'low', format('low {} är större än high {}', low, high),
    'low mindre än eller lika med high',
from stg_targets
where comparator = 'between' and low > high
union all
-- The reference of better_than is an area (riket, a län, another municipality, a Kolada group);
-- an empty subject is the municipality itself, which cannot be better than itself. An unknown
-- subject is reported by references.sql; a unit of the organisation here.
select _file, _sheet, _row, 'subject',
    if(subject is null,
        'better_than utan jämförelseområde',
        format('better_than jämför kommunen med "{}"', subject)),
    'riket (0000), ett län (00NN), en annan kommun (fyra siffror) eller en Kolada-grupp (G…) i subject',
from raw_targets
where normalise_comparator(comparator) = 'better_than'
    and (
        subject is null or subject = municipality_code()
        or (not is_area_code(subject) and subject in (select org_id from stg_organisation))
    )
union all
-- "Better" is the indicator's direction; a neutral indicator has none. An unknown indicator is
-- reported by references.sql.
select t._file, t._sheet, t._row, 'comparator',
    format('better_than för indikatorn "{}" som har riktningen {}', t.indicator_id, i.direction),
    'en indikator med riktningen higher eller lower, eller en annan jämförelse',
from stg_targets t
join stg_indicators i using (indicator_id)
where t.comparator = 'better_than' and i.direction not in ('higher', 'lower');
