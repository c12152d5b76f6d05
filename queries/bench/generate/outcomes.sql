-- Purpose: write outcomes.csv of the generated benchmark model (bench/generate.py) straight
--          from range(), so that forty million rows never pass through Python: a tertial series
--          per indicator (T, then K and M for the gendered ones), then yearly values for some
--          indicators, for every subject; 1 % empty values; the last year preliminary. Uses the
--          macros of generate/macros.sql.
-- Grain:   one row: the number of rows written.
-- Params:  $path: the CSV file to write; $first_year, $years: the years of the model;
--          $subjects: subjects per series; $municipality: the code of subject 1;
--          $indicators: indicators (each has a T series); $tertial_series: the T, K and M
--          series in all; $gendered_every: a gendered indicator's index modulo this is 3;
--          $yearly_series: the yearly series, of the indicators whose index modulo $yearly_of
--          is below $yearly_count.
copy (
    select
        indicator_id(i) as indicator_id,
        period,
        -- 1 % missing values (an empty cell, never 0).
        if(rnd(hash(i, s, g, period), 'missing') < 0.01, null,
            series_value(i, s, g, t, period)) as value,
        subject_code(s, $municipality) as subject,
        g as gender,
        if(year = $first_year + $years - 1, 'ja', null) as preliminary,
    from (
        -- Tertial series: row r is series k, tertial p, subject s.
        select r, p, s, t, period, year,
            if(k < $indicators, k, ((k - $indicators) // 2) * $gendered_every + 3) as i,
            case when k < $indicators then 'T'
                when (k - $indicators) % 2 = 0 then 'K' else 'M' end as g,
        from (
            select range as r, range // (3 * $years * $subjects) as k,
                (range // $subjects) % (3 * $years) as p,
                range % $subjects as s, p as t, $first_year + p // 3 as year,
                printf('%d-T%d', year, p % 3 + 1) as period,
            from range($tertial_series * 3 * $years * $subjects)
        )
        union all
        -- Yearly series: row r is series k, year p, subject s.
        select r, p, s, 3 * p + 2 as t, year::varchar as period, year,
            (k // $yearly_count) * $yearly_of + k % $yearly_count as i, 'T' as g,
        from (
            select range as r, range // ($years * $subjects) as k,
                (range // $subjects) % $years as p,
                range % $subjects as s, $first_year + p as year,
            from range($yearly_series * $years * $subjects)
        )
    )
) to $path (header, delimiter ',');
