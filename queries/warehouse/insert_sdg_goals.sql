-- Purpose: the 17 global goals of Agenda 2030 with their Swedish names, from their one source,
--          etl/agenda2030_goals.csv.
-- Grain:   one row per global goal.
-- Params:  $path: etl/agenda2030_goals.csv.
insert into sdg_goals
select sdg, title,
from read_csv(
    $path,
    header = true,
    delim = ',',
    quote = '"',
    auto_detect = false,
    columns = {'sdg': 'integer', 'title': 'varchar'}
)
order by sdg;
