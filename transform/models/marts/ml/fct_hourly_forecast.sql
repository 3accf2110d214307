with

forecasts as (
    select * from {{ ref('stg_ml__hourly_forecast') }}
),

newest as (
    {{ newest_generation('forecasts') | indent(4) }}
),

final as (
    select
        {{ surrogate_key(['series_id', 'model', 'ds_hour']) }} as hourly_forecast_key,
        series_id,
        governorate_id,
        category_id,
        ds_hour,
        cast(ds_hour as date) as ds,
        cast(extract(hour from ds_hour) as integer) as hour_of_day,
        model,
        yhat,
        yhat_lower,
        yhat_upper,
        level,
        generated_at
    from newest
)

select * from final
