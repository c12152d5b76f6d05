-- Purpose: store the rows of a query file as a table (warehouse.create_table). A template:
--          the table name comes from the code, the query from its own file.
-- Grain:   that of the query.
-- Params:  those of the query.
create or replace {{ 'temp ' if temporary else '' }}table {{ table | ident }} as
{{ query }}
