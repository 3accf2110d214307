with

forecasts as (
    select * from {{ ref('stg_ml__demand_forecast') }}
),

latest_run as (
    -- a series re-forecast later replaces its earlier forecast for the same day
    select
        forecasts.*,
        row_number() over (
            partition by series_id, model, ds
            order by generated_at desc
        ) as run_rank
    from forecasts
),

final as (
    select
        {{ surrogate_key(['series_id', 'model', 'ds']) }} as forecast_key,
        series_id,
        coop_id,
        site_id,
        product_id,
        ds,
        model,
        yhat,
        yhat_lower,
        yhat_upper,
        level,
        generated_at
    from latest_run
    where run_rank = 1
)

select * from final
