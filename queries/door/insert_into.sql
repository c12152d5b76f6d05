-- Purpose: append the rows of a query file to a table (warehouse.insert_into). A template: the
--          table name comes from the code, the query from its own file.
-- Grain:   that of the query.
-- Params:  those of the query.
insert into {{ table | ident }}
{{ query }}
