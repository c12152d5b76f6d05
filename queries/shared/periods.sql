-- Purpose: the period parsers shared by the build and the engine (docs/rules.md, Periods):
--          period codes YYYY, YYYY-T1..T3, YYYY-H1..H2, YYYY-Q1..Q4 and YYYY-MM, their type,
--          year, first
--          and last day. The door creates them on every connection it opens for writing and
--          on every scratch connection (warehouse.scratch).
-- Grain:   scalar macros; each returns NULL for a text that is not a period code.
-- Params:  none.

-- Period codes: YYYY, YYYY-T1..T3 (tertial, cumulative from 1 January), YYYY-H1..H2 (half
-- year: H1 January–June, H2 July–December), YYYY-Q1..Q4, YYYY-MM, with years 1900-2199 like
-- the year columns.
create or replace temp macro normalise_period(s) as upper(replace(s, ' ', ''));

create or replace temp macro period_type(s) as (
    case
        when regexp_full_match(normalise_period(s), '(19|20|21)\d\d') then 'year'
        when regexp_full_match(normalise_period(s), '(19|20|21)\d\d-T[1-3]') then 'tertial'
        when regexp_full_match(normalise_period(s), '(19|20|21)\d\d-H[12]') then 'half'
        when regexp_full_match(normalise_period(s), '(19|20|21)\d\d-Q[1-4]') then 'quarter'
        when regexp_full_match(normalise_period(s), '(19|20|21)\d\d-(0[1-9]|1[0-2])') then 'month'
    end
);

create or replace temp macro period_year(s) as (
    case when period_type(s) is not null then left(normalise_period(s), 4)::integer end
);

-- The month in which the period ends: tertials end in April, August and December.
create or replace temp macro period_end_month(s) as (
    case period_type(s)
        when 'year' then 12
        when 'tertial' then 4 * substr(normalise_period(s), 7, 1)::integer
        when 'half' then 6 * substr(normalise_period(s), 7, 1)::integer
        when 'quarter' then 3 * substr(normalise_period(s), 7, 1)::integer
        when 'month' then substr(normalise_period(s), 6, 2)::integer
    end
);

create or replace temp macro period_start(s) as (
    case period_type(s)
        when 'year' then make_date(period_year(s), 1, 1)
        when 'tertial' then make_date(period_year(s), 1, 1)
        when 'half' then make_date(period_year(s), period_end_month(s) - 5, 1)
        when 'quarter' then make_date(period_year(s), period_end_month(s) - 2, 1)
        when 'month' then make_date(period_year(s), period_end_month(s), 1)
    end
);

create or replace temp macro period_end(s) as (
    last_day(make_date(period_year(s), period_end_month(s), 1))
);

create or replace temp macro parse_period(s) as (
    case when period_type(s) is not null then normalise_period(s) end
);
