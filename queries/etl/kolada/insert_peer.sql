-- Purpose: record the peer group a Kolada folder was fetched for (its manifest's peer_group).
-- Grain:   one row.
-- Params:  $manifest (the folder's manifest.json), $group (the group id).
insert into raw_kolada_peers values ($manifest, upper(trim($group)));
