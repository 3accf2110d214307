-- Panic-buying surge alerts as ml/score.ts wrote them, each column cast to the type its source YAML declares.
{{ stage_lake_source('ml', 'surge_alerts') }}
