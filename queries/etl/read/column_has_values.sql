-- Purpose: whether a column of the sheet being staged has any non-blank cell (a column without
--          a header is an error only then). A template: the column is c0..cN.
-- Grain:   one value.
-- Params:  none.
select count(*) > 0 as has_values from sheet where clean_cell({{ column | ident }}) is not null;
