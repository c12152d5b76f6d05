-- Purpose: the pseudo-random values of the generated benchmark model (bench/generate.py): the
--          same key and salt always give the same number, so the same scale gives the same data.
-- Grain:   no rows; temporary macros.
-- Params:  none.

-- A deterministic pseudo-random number in [0, 1) per key and salt.
create or replace temp macro rnd(k, salt) as (hash(k, salt) % 1000003)::double / 1000003;
create or replace temp macro ind_base(i) as 25 + 65 * rnd(i, 'base');
-- Change per tertial, ± 0.2.
create or replace temp macro ind_trend(i) as 0.4 * (rnd(i, 'trend') - 0.5);
create or replace temp macro subject_offset(s) as if(s = 1, 0, 20 * (rnd(s, 'subject') - 0.5));
create or replace temp macro gender_offset(g) as
    case g when 'K' then 1.5 when 'M' then -1.5 else 0 end;
-- t: the tertial index from the first year's T1 = 0 (a year is valued at its T3).
create or replace temp macro series_value(i, s, g, t, period) as round(
    ind_base(i) + ind_trend(i) * t + subject_offset(s) + gender_offset(g)
    + 4 * (rnd(hash(i, s, g, period), 'noise') - 0.5), 1);
-- Subject 0 is riket, 1 the municipality, the others fictional codes from 9002.
create or replace temp macro subject_code(s, municipality) as
    case s when 0 then '0000' when 1 then municipality else printf('%04d', 9000 + s) end;
create or replace temp macro indicator_id(i) as printf('I%05d', i + 1);
