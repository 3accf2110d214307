-- Hourly demand forecasts per governorate and category as ml/score.ts wrote them, each column cast to the type its source YAML declares.
{{ stage_lake_source('ml', 'hourly_forecast') }}
