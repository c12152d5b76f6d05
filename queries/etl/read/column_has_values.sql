-- Purpose: the first row of a CSV file's column holding a non-blank cell, if any (a column
--          without a header is an error only then). A template: the column is c0..cN.
-- Grain:   one value: the row number as the user counts it (the header is row 1), or NULL.
-- Params:  none.
select min(rowid) + 2 as first_row from sheet where clean_cell({{ column | ident }}) is not null;
