-- Purpose: the licences a model may name in settings.licence (etl/schema.py LICENCES), each
--          with the spelling a value is matched by (licence_spelling in macros.sql); the
--          settings check and the load read them here.
-- Grain:   one row per licence.
-- Params:  $licences: the licences as the format writes them.
select licence, licence_spelling(licence) as spelling
from unnest($licences::varchar[]) as u(licence);
