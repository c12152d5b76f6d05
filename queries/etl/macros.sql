-- Purpose: parsers for the cell kinds of the interchange format (etl/schema.py: Kind).
-- Grain:   scalar macros; each parse_* returns NULL when the text is not valid for its kind,
--          so "value is not null and parse_x(value) is null" finds a bad cell.
-- Params:  none. Created as temporary macros on the build connection.

-- A cell as text: surrounding spaces, tabs, line breaks and (narrow) no-break spaces removed,
-- NULL when nothing is left. The regex test first keeps the common case (nothing to trim) fast.
create or replace temp macro clean_cell(s) as (
    nullif(
        case
            when regexp_matches(s, '^[\s\x{00A0}\x{202F}]|[\s\x{00A0}\x{202F}]$')
                then trim(s, ' ' || chr(9) || chr(10) || chr(13) || chr(160) || chr(8239))
            else s
        end,
        ''
    )
);

-- Numbers as Swedish spreadsheets write them: decimal comma or point, spaces, non-breaking
-- spaces or narrow no-break spaces as thousands separators, and the Unicode minus sign.
-- NaN and infinity are not numbers a municipality reports.
create or replace temp macro number_text(s) as (
    replace(replace(replace(replace(replace(
        s, ' ', ''), chr(160), ''), chr(8239), ''), ',', '.'), chr(8722), '-')
);

-- DuckDB's cast reads "1_000" as 1000 (digit groups as in source code); no spreadsheet writes
-- that, so a cell with an underscore is not a number.
create or replace temp macro text_double(s) as (
    case when not contains(s, '_') then try_cast(s as double) end
);

create or replace temp macro parse_number(s) as (
    case
        -- Most cells are plain numbers: try them as they are before rewriting the text.
        when isfinite(text_double(s)) then text_double(s)
        when isfinite(text_double(number_text(s))) then text_double(number_text(s))
    end
);

-- Within bigint's range: 1e20 is a whole number, but no integer column can hold it.
create or replace temp macro parse_integer(s) as (
    case
        when parse_number(s) = round(parse_number(s)) and abs(parse_number(s)) < 1e18
            then parse_number(s)::bigint
    end
);

create or replace temp macro parse_year(s) as (
    case when parse_integer(s) between 1900 and 2199 then parse_integer(s)::integer end
);

create or replace temp macro parse_bool(s) as (
    case
        when lower(s) in ('ja', 'j', 'true', 'sant', '1', 'yes') then true
        when lower(s) in ('nej', 'n', 'false', 'falskt', '0', 'no') then false
    end
);

-- Dates as ISO text; the xlsx reader turns Excel dates into this form before staging.
create or replace temp macro parse_date(s) as (
    try_strptime(s, '%Y-%m-%d')::date
);

-- Lists separated by ';' (a ',' is accepted too, since some tools export lists that way).
create or replace temp macro split_list(s) as (
    list_filter(list_transform(regexp_split_to_array(s, '[;,]'), lambda x: trim(x)), lambda x: x <> '')
);

-- Agenda 2030: goal 1-17, optionally a target such as 4.1 or 11.a.
create or replace temp macro is_sdg(s) as (
    regexp_full_match(s, '(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-z]))?')
);

-- A subject that is not an org_id: a municipality, region or riket code, or a Kolada group.
create or replace temp macro is_area_code(s) as (
    regexp_full_match(s, '\d{4}') or regexp_full_match(s, 'G\d+')
);

-- A licence as it is matched (etl/schema.py LICENCES): upper case, and any run of spaces, "-"
-- and "_" as one space, so "cc-by-4.0" (SPDX) is "CC BY 4.0".
create or replace temp macro licence_spelling(s) as (
    upper(regexp_replace(trim(s), '[\s_-]+', ' ', 'g'))
);

-- Comparators as typed, with the mathematical signs some tools export.
create or replace temp macro normalise_comparator(s) as (
    case lower(replace(s, ' ', '')) when '≥' then '>=' when '≤' then '<=' else lower(replace(s, ' ', '')) end
);
