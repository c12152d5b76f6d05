-- Purpose: the peer group each Kolada folder was fetched for (its manifest's peer_group), one
--          of the ways the model's peer group is chosen (queries/warehouse/load.sql).
-- Grain:   statement; the table holds one row per folder that names a peer group.
-- Params:  none.
create or replace temp table raw_kolada_peers (
    source varchar,
    group_id varchar,
);
