-- Purpose: the plain DuckDB load the build is compared with (bench/child.py): the outcomes file
--          read into a table as it is, with no checks. The types are given because sniffing
--          reads gender T as a boolean and subject 0000 as a number.
-- Grain:   one row: the number of rows loaded.
-- Params:  $path: the outcomes CSV file.
create table outcomes as
select *
from read_csv(
    $path,
    types = {
        'indicator_id': 'varchar',
        'period': 'varchar',
        'value': 'double',
        'subject': 'varchar',
        'gender': 'varchar',
        'preliminary': 'varchar'
    }
);
