{#- The crisis room's "right now": each site's latest closing stock of every essential
    product, with its cover against recent demand and how old that count is. A co-op
    whose stock feed stopped still shows its last count, flagged stale, instead of
    silently looking well stocked. Roll up to a co-op or governorate as a ratio of sums
    (stock_on_hand / demand_per_day), never an average of days_of_cover. -#}
with

stock as (
    select * from {{ ref('fct_stock_daily') }}
),

products as (
    select * from {{ ref('dim_product') }}
),

sites as (
    select * from {{ ref('dim_site') }}
),

as_of as (
    select max(stock_date) as as_of_date from stock
),

latest as (
    select * from stock where is_latest
),

final as (
    select
        latest.stock_daily_key as essentials_stock_key,
        as_of.as_of_date,
        latest.stock_date,
        cast({{ dbt.datediff('latest.stock_date', 'as_of.as_of_date', 'day') }} as integer) as days_since_count,
        {{ dbt.datediff('latest.stock_date', 'as_of.as_of_date', 'day') }} > {{ var('stale_after_days') }} as is_stale,
        sites.governorate_id,
        latest.coop_id,
        latest.site_id,
        sites.site_type,
        latest.product_id,
        products.category_id,
        latest.closing_qty as stock_on_hand,
        latest.avg_daily_demand_28d as demand_per_day,
        latest.days_of_cover,
        case
            when latest.closing_qty <= 0 then 'out'
            when latest.days_of_cover is null then 'unknown'
            when latest.days_of_cover < {{ var('cover_critical_days') }} then 'critical'
            when latest.days_of_cover < {{ var('cover_low_days') }} then 'low'
            else 'ok'
        end as cover_band,
        latest.batch_id
    from latest
    cross join as_of
    inner join products
        on latest.product_id = products.product_id
    inner join sites
        on latest.site_id = sites.site_id
    where products.is_essential
)

select * from final
