-- Purpose: settings problems: municipality_code exactly once and four digits, rule numbers in
--          range, a licence of the table licences (etl/licences.sql), a kolada_peer_group that
--          is auto or a group id (one of the Kolada groups among the sources, when they hold
--          any), headline_levels that are goal levels below the vision. (Unknown keys and
--          duplicate keys are found by the generic checks.)
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  $refused: the tables not read in full (a settings file refused as a whole has
--          its own problem; its municipality_code is not missing).
with codes as (
    select * from stg_settings where key = 'municipality_code'
),
headline as (
    select _file, _sheet, _row, value, trim(unnest(string_split(value, ';'))) as level,
    from stg_settings where key = 'headline_levels'
)
-- Reported on the settings table's first file (codes is empty here, so it cannot name one).
select
    coalesce(s._file, 'settings'), s._sheet, null, 'key',
    'municipality_code saknas',
    'en rad med key = municipality_code (kommunkoden, fyra siffror)',
from (select count(*) as n from codes)
left join (select _file, _sheet from stg_settings order by _file, _sheet limit 1) s on true
where n = 0 and not list_contains($refused, 'settings')
union all
select _file, _sheet, _row, 'value', format('kommunkoden "{}"', value), 'fyra siffror, t.ex. 0180',
from codes
where not regexp_full_match(value, '\d{4}')
union all
select _file, _sheet, _row, 'value', format('{} = "{}"', key, value), 'ett tal mellan 0 och 1',
from stg_settings
where key in ('full_threshold', 'partial_threshold', 'partly_score', 'min_coverage')
    and not coalesce(parse_number(value) between 0 and 1, false)
union all
-- A hundred years is more than any series holds; beyond that the months overflow the engine.
select _file, _sheet, _row, 'value', format('{} = "{}"', key, value), 'ett tal från 0 till 100',
from stg_settings
where key = 'max_outcome_age_years' and not coalesce(parse_number(value) between 0 and 100, false)
union all
select _file, _sheet, _row, 'value', format('rule_preset = "{}"', value),
    'ett av: two_thirds, majority, all, worst_of',
from stg_settings
where key = 'rule_preset' and lower(value) not in ('two_thirds', 'majority', 'all', 'worst_of')
union all
select _file, _sheet, _row, 'value', format('licence = "{}"', value),
    'en av: ' || (select string_agg(licence, ', ' order by licence) from licences),
from stg_settings
where key = 'licence' and licence_spelling(value) not in (select spelling from licences)
union all
select p._file, p._sheet, p._row, 'value',
    format('partial_threshold {} är större än full_threshold {}', p.value, f.value),
    'partial_threshold mindre än eller lika med full_threshold',
from stg_settings p
join stg_settings f on f.key = 'full_threshold'
where p.key = 'partial_threshold' and parse_number(p.value) > parse_number(f.value)
union all
select _file, _sheet, _row, 'value', format('headline_levels = "{}": "{}" är ingen målnivå', value, level),
    'målnivåer under visionen åtskilda med ;, t.ex. kf-mål;nämndmål;åtagande',
from headline
where lower(level) not in (select level from goal_levels where level <> 'vision')
union all
select _file, _sheet, _row, 'value', format('kolada_peer_group = "{}"', value),
    'auto eller ett Kolada-grupp-id, t.ex. G37537',
from stg_settings
where key = 'kolada_peer_group' and lower(trim(value)) <> 'auto'
    and not regexp_full_match(trim(value), 'G\d+')
union all
select _file, _sheet, _row, 'value',
    format('kolada_peer_group = "{}" finns inte bland Kolada-grupperna i källorna', value),
    'ett av Koladas grupp-id i källornas gruppfil eller Kolada-mapp',
from stg_settings
where key = 'kolada_peer_group' and regexp_full_match(trim(value), 'G\d+')
    and exists (from raw_kolada_groups)
    and trim(value) not in (select group_id from raw_kolada_groups);
