-- Purpose: write targets.csv of the generated benchmark model (bench/generate.py): a target per
--          goal-indicator link and year the goal is valid (K rows beside T for a gendered
--          indicator), 5 % of the links without any. Reads the registered tables link_rows,
--          goal_rows and indicator_rows and the macros of generate/macros.sql.
-- Grain:   one row: the number of rows written.
-- Params:  $path: the CSV file to write; $first_year, $years: the years of the model;
--          $gendered_every: an indicator whose index modulo this is 3 has K and M series.
copy (
    with links as (
        select l.goal_id, l.indicator_id, l._i as i, l.link_no, ind.direction,
            coalesce(g.valid_from::integer, $first_year) as valid_from,
            coalesce(g.valid_to::integer, $first_year + $years - 1) as valid_to,
            l._i % $gendered_every = 3 as gendered,
        from link_rows l
        join goal_rows g using (goal_id)
        join indicator_rows ind using (indicator_id)
        where rnd(l.link_no, 'no target') >= 0.05  -- 5 % of the links have no target
    ),
    rows as (
        select l.*, y.year, ge.gender,
            ind_base(i) + ind_trend(i) * (3 * (y.year - $first_year) + 2)
                + gender_offset(ge.gender) + 6 * (rnd(hash(l.link_no, y.year), 'target') - 0.5)
                as v,
            rnd(l.link_no, 'comparator') as c,
        from links l
        join (select range as year from range($first_year, $first_year + $years)) y
            on y.year between l.valid_from and l.valid_to
        join (values ('T'), ('K')) ge(gender) on ge.gender = 'T' or l.gendered
    )
    select goal_id, indicator_id, year::varchar as period,
        case
            when direction = 'neutral' then 'between'
            when direction = 'higher' then if(c < 0.75, '>=', 'increase')
            else if(c < 0.75, '<=', 'decrease')
        end as comparator,
        if(direction <> 'neutral' and c < 0.75, round(v, 1), null) as value,
        if(direction = 'neutral', round(v - 2, 1), null) as low,
        if(direction = 'neutral', round(v + 2, 1), null) as high,
        case when rnd(link_no, 'tolerance') < 0.33 then '0.5' end as tolerance,
        null as subject,
        if(gender = 'T', null, gender) as gender,
    from rows
    order by link_no, year, gender desc
) to $path (header, delimiter ',');
