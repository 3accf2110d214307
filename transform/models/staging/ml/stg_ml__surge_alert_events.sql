-- Surge alert state changes as ml/score.ts wrote them, each column cast to the type its source YAML declares.
{{ stage_lake_source('ml', 'surge_alert_events') }}
