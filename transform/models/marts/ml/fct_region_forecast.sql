with

forecasts as (
    select * from {{ ref('stg_ml__region_forecast') }}
),

newest as (
    {{ newest_generation('forecasts') | indent(4) }}
),

final as (
    select
        {{ surrogate_key(['series_id', 'model', 'ds']) }} as region_forecast_key,
        series_id,
        governorate_id,
        category_id,
        ds,
        model,
        yhat,
        yhat_lower,
        yhat_upper,
        level,
        generated_at
    from newest
)

select * from final
