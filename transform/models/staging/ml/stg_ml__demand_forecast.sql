-- Daily demand forecasts per selling site and essential product as ml/score.ts wrote them, each column cast to the type its source YAML declares.
{{ stage_lake_source('ml', 'demand_forecast') }}
