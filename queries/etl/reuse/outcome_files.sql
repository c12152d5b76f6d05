-- Purpose: how many outcome rows each file gave, in a copied warehouse, to compare with the
--          load log before they are kept.
-- Grain:   one row per source file.
-- Params:  none.
select source_path, count(*) as row_count
from outcomes
group by source_path
