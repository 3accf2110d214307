{#- Incremental by (co-op, stock day), like fct_sales_daily. A stock row's demand looks
    back over the sales window, so a late or corrected sales day D also recomputes the
    co-op's stock days D .. D + window - 1 (each row keeps the newest sales arrival it
    was computed from). is_latest depends on rows outside the recomputed days, so a
    post-hook refreshes it over the whole table. -#}
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

batches as (
    select * from {{ ref('int_batches__current') }}
),

stock_ledger_days as (
    select coop_id, business_date as stock_date, max(received_at) as last_received_at
    from batches
    where feed = 'stock' and status = 'landed'
    group by coop_id, business_date
),

coop_sales_days as (
    select coop_id, business_date, max(batch_received_at) as last_received_at
    from sales_daily
    group by coop_id, business_date
),

demand_inputs as (
    -- the newest sales arrival inside each co-op stock day's demand window: when it
    -- moves, that day's demand (and so its cover) has to be recomputed
    select
        stock_ledger_days.coop_id,
        stock_ledger_days.stock_date,
        max(coop_sales_days.last_received_at) as sales_received_at
    from stock_ledger_days
    inner join coop_sales_days
        on stock_ledger_days.coop_id = coop_sales_days.coop_id
        and coop_sales_days.business_date <= stock_ledger_days.stock_date
        and coop_sales_days.business_date > {{ dbt.dateadd('day', -window_days, 'stock_ledger_days.stock_date') }}
    group by stock_ledger_days.coop_id, stock_ledger_days.stock_date
),

{% if is_incremental() %}
built_days as (
    select
        coop_id,
        stock_date,
        max(batch_received_at) as last_received_at,
        max(sales_received_at) as sales_received_at
    from {{ this }}
    group by coop_id, stock_date
),

horizon as (
    select max(stock_date) as last_stock_date from {{ this }}
),

touched as (
    -- news in the ledger for the day itself, news in its sales window, or the look-back
    select stock_ledger_days.coop_id, stock_ledger_days.stock_date
    from stock_ledger_days
    cross join horizon
    left join built_days
        on stock_ledger_days.coop_id = built_days.coop_id
        and stock_ledger_days.stock_date = built_days.stock_date
    left join demand_inputs
        on stock_ledger_days.coop_id = demand_inputs.coop_id
        and stock_ledger_days.stock_date = demand_inputs.stock_date
    where built_days.last_received_at is null
        or stock_ledger_days.last_received_at > built_days.last_received_at
        or (demand_inputs.sales_received_at is not null and built_days.sales_received_at is null)
        or demand_inputs.sales_received_at > built_days.sales_received_at
        or horizon.last_stock_date is null
        or stock_ledger_days.stock_date > {{ dbt.dateadd('day', -var('lookback_days'), 'horizon.last_stock_date') }}
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
        demand_inputs.sales_received_at,
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
    left join demand_inputs
        on closing.coop_id = demand_inputs.coop_id
        and closing.stock_date = demand_inputs.stock_date
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
        batch_received_at,
        sales_received_at,
        -- when this run wrote the row: shows which days an incremental run touched
        {{ run_loaded_at() }} as loaded_at
    from with_demand
)

select * from final
