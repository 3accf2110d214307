-- The aid feed as landed, each column cast to the type its source YAML declares.
{{ stage_lake_source('feeds', 'aid') }}
