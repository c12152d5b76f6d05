-- Purpose: make the attached warehouse the default schema of a cursor, so queries name its
--          tables without a prefix.
-- Grain:   a statement.
-- Params:  none.
use warehouse;
