-- Purpose: a worksheet, registered as the Arrow table sheet_arrow (text columns c0..cN and
--          _row, the sheet's row number), as the temp table "sheet".
-- Grain:   one row per row of the worksheet below the header.
-- Params:  none.
create or replace temp table sheet as select * from sheet_arrow;
