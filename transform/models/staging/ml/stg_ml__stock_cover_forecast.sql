-- Forecast days of cover and stock-out dates as ml/score.ts wrote them, each column cast to the type its source YAML declares.
{{ stage_lake_source('ml', 'stock_cover_forecast') }}
