{#- Incremental by (co-op, stock day), like fct_sales_daily. A stock row's demand looks
    back over the sales window, so a late sales batch for day D also recomputes the
    co-op's stock days D .. D + window - 1. is_latest depends on rows outside the
    recomputed days, so a post-hook refreshes it over the whole table. -#}
-- depends_on: {{ ref('int_batches__current') }}
{{ config(
    materialized = 'incremental',
    incremental_strategy = 'delete+insert',
    unique_key = ['coop_id', 'stock_date'],
    on_schema_change = 'fail',
    post_hook = "{{ refresh_is_latest(this, ['site_id', 'product_id'], 'stock_date') }}",
) }}

{%- set window_days = var('demand_window_days') %}

with

stock as (
    select * from {{ ref('int_stock__current') }}
),

sales_daily as (
    select * from {{ ref('fct_sales_daily') }}
),

{% if is_incremental() %}
batches as (
    select * from {{ ref('int_batches__current') }}
),

watermark as (
    select coalesce(max(batch_received_at), cast('1900-01-01' as timestamp)) as last_received_at
    from {{ this }}
),

recent_batches as (
    select batches.*
    from batches
    cross join watermark
    where batches.received_at > {{ dbt.dateadd('day', -var('lookback_days'), 'watermark.last_received_at') }}
),

stock_days as (
    select distinct coop_id, stock_date from stock
),

touched as (
    select coop_id, business_date as stock_date
    from recent_batches
    where feed = 'stock'

    union

    -- later stock days whose demand window contains a recomputed sales day
    select stock_days.coop_id, stock_days.stock_date
    from stock_days
    inner join recent_batches
        on stock_days.coop_id = recent_batches.coop_id
        and recent_batches.feed = 'sales'
        and stock_days.stock_date >= recent_batches.business_date
        and stock_days.stock_date <= {{ dbt.dateadd('day', window_days - 1, 'recent_batches.business_date') }}
),
{% endif %}

scoped as (
    select stock.*
    from stock
    {% if is_incremental() %}
    inner join touched
        on stock.coop_id = touched.coop_id
        and stock.stock_date = touched.stock_date
    {% endif %}
),

ranked as (
    -- two current batches reporting the same closing stock: the later arrival wins
    select
        scoped.*,
        row_number() over (
            partition by site_id, product_id, stock_date
            order by batch_received_at desc, batch_id desc, source_row desc
        ) as arrival_rank
    from scoped
),

closing as (
    select * from ranked where arrival_rank = 1
),

site_activity as (
    -- days a site reported any sale: days the feed was silent do not dilute demand
    select distinct site_id, business_date from sales_daily
),

window_days_reported as (
    select
        stock_site_days.site_id,
        stock_site_days.stock_date,
        count(site_activity.business_date) as days_reported
    from (select distinct site_id, stock_date from closing) as stock_site_days
    inner join site_activity
        on stock_site_days.site_id = site_activity.site_id
        and site_activity.business_date <= stock_site_days.stock_date
        and site_activity.business_date > {{ dbt.dateadd('day', -window_days, 'stock_site_days.stock_date') }}
    group by stock_site_days.site_id, stock_site_days.stock_date
),

window_quantity as (
    select
        closing.site_id,
        closing.product_id,
        closing.stock_date,
        sum(sales_daily.quantity) as quantity_sold
    from closing
    inner join sales_daily
        on closing.site_id = sales_daily.site_id
        and closing.product_id = sales_daily.product_id
        and sales_daily.business_date <= closing.stock_date
        and sales_daily.business_date > {{ dbt.dateadd('day', -window_days, 'closing.stock_date') }}
    group by closing.site_id, closing.product_id, closing.stock_date
),

with_demand as (
    select
        closing.stock_date,
        closing.coop_id,
        closing.site_id,
        closing.product_id,
        closing.closing_qty,
        closing.batch_id,
        closing.batch_received_at,
        case
            when window_days_reported.days_reported > 0
                then cast(coalesce(window_quantity.quantity_sold, 0) as double)
                    / window_days_reported.days_reported
        end as avg_daily_demand_28d
    from closing
    left join window_days_reported
        on closing.site_id = window_days_reported.site_id
        and closing.stock_date = window_days_reported.stock_date
    left join window_quantity
        on closing.site_id = window_quantity.site_id
        and closing.product_id = window_quantity.product_id
        and closing.stock_date = window_quantity.stock_date
),

final as (
    select
        {{ surrogate_key(['site_id', 'product_id', 'stock_date']) }} as stock_daily_key,
        stock_date,
        coop_id,
        site_id,
        product_id,
        closing_qty,
        cast(round(avg_daily_demand_28d, 3) as double) as avg_daily_demand_28d,
        -- no demand (a warehouse, a product nobody bought) means cover is unknown, not infinite
        cast(case
            when avg_daily_demand_28d > 0
                then round(cast(closing_qty as double) / avg_daily_demand_28d, 2)
        end as double) as days_of_cover,
        stock_date = max(stock_date) over (partition by site_id, product_id) as is_latest,
        batch_id,
        batch_received_at
    from with_demand
)

select * from final
