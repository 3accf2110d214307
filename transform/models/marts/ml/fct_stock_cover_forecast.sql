{#- Days of cover against forecast demand (the next 7 days), per selling site and rolled
    up per governorate by the ML layer; beside fct_stock_daily's cover against the past
    28 days. -#}
with

cover as (
    select * from {{ ref('stg_ml__stock_cover_forecast') }}
),

newest as (
    {{ newest_generation('cover') | indent(4) }}
),

final as (
    select
        {{ surrogate_key(['level', 'governorate_id', 'site_id', 'product_id']) }} as stock_cover_key,
        level as cover_level,
        governorate_id,
        coop_id,
        site_id,
        product_id,
        category_id,
        stock_date,
        stock_on_hand,
        demand_per_day,
        days_of_cover,
        expected_stockout_date,
        generated_at
    from newest
)

select * from final
