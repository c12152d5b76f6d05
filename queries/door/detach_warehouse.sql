-- Purpose: detach the warehouse attached as "warehouse" (warehouse.attach_read_only) before a
--          connection that read it is checkpointed and closed.
-- Grain:   a statement.
-- Params:  none.
detach warehouse;
