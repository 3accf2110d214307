{#- Incremental by (co-op, business day). An incremental run recomputes the co-op-days
    the ledger has news for plus the look-back window (macros/touched_days.sql), each
    from all of that day's hours in fct_sales_hourly (built from current batches just
    before), and replaces those co-op-days whole: a superseded batch's rows leave,
    nothing is counted twice. Summing the hourly table rather than the lake saves a scan
    of every Parquet file. -#}
{{ config(
    materialized = 'incremental',
    incremental_strategy = 'delete+insert',
    unique_key = ['coop_id', 'business_date'],
    on_schema_change = 'fail',
) }}

with

hourly as (
    select * from {{ ref('fct_sales_hourly') }}
),

batches as (
    select * from {{ ref('int_batches__current') }}
),

coop_day_batches as (
    select coop_id, business_date, count(*) as batch_count
    from batches
    where feed = 'sales' and is_current
    group by coop_id, business_date
),

scoped as (
    {{ ledger_scoped('hourly', 'sales', 'business_date') | indent(4) }}
),

daily as (
    select
        business_date,
        coop_id,
        site_id,
        product_id,
        sum(quantity) as quantity,
        sum(net_amount_kwd) as net_amount_kwd,
        sum(receipt_count) as receipt_count,
        max(batch_received_at) as batch_received_at
    from scoped
    group by business_date, coop_id, site_id, product_id
),

final as (
    select
        {{ surrogate_key(['daily.site_id', 'daily.product_id', 'daily.business_date']) }} as sales_daily_key,
        daily.business_date,
        daily.coop_id,
        daily.site_id,
        daily.product_id,
        cast(daily.quantity as decimal(14, 3)) as quantity,
        cast(daily.net_amount_kwd as decimal(18, 3)) as net_amount_kwd,
        cast(daily.receipt_count as integer) as receipt_count,
        cast(coop_day_batches.batch_count as integer) as batch_count,
        daily.batch_received_at,
        -- when this run wrote the row: shows which days an incremental run touched
        {{ run_loaded_at() }} as loaded_at
    from daily
    left join coop_day_batches
        on daily.coop_id = coop_day_batches.coop_id
        and daily.business_date = coop_day_batches.business_date
)

select * from final
