-- Purpose: drop the tables of a copied warehouse that an incremental build makes anew. A
--          template: the names come from stored_tables.sql.
-- Grain:   statements.
-- Params:  none.
{% for table in tables %}
drop table {{ table | ident }};
{% endfor %}
