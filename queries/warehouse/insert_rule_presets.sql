-- Purpose: the rule presets from their one source, attainment/rule_presets.csv.
-- Grain:   one row per preset.
-- Params:  $path: attainment/rule_presets.csv.
insert into rule_presets
select preset, full_threshold, partial_threshold, uses_thresholds,
from read_csv(
    $path,
    header = true,
    delim = ',',
    quote = '"',
    auto_detect = false,
    columns = {
        'preset': 'varchar', 'full_threshold': 'double', 'partial_threshold': 'double',
        'uses_thresholds': 'boolean'
    }
)
order by preset;
