-- Purpose: attach a warehouse file read-only as the schema "warehouse" (warehouse.open_read_only,
--          warehouse.attach_read_only).
-- Grain:   a statement.
-- Params:  $path: the warehouse file.
attach $path as warehouse (read_only);
