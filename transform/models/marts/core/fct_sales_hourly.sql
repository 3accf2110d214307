{#- Hourly sales on the Kuwait wall clock, for surges and the hour-of-day profile.
    Incremental by (co-op, business day), exactly as fct_sales_daily. -#}
-- depends_on: {{ ref('int_batches__current') }}
{{ config(
    materialized = 'incremental',
    incremental_strategy = 'delete+insert',
    unique_key = ['coop_id', 'business_date'],
    on_schema_change = 'fail',
) }}

with

sales as (
    select * from {{ ref('int_sales__current') }}
),

scoped as (
    {{ ledger_scoped('sales', 'sales', 'business_date') | indent(4) }}
),

hourly as (
    select
        business_date,
        sale_hour,
        coop_id,
        site_id,
        product_id,
        sum(quantity) as quantity,
        sum(net_amount_kwd) as net_amount_kwd,
        sum(receipt_count) as receipt_count,
        -- lines summed into the row: a batch sends one line per site, product and hour,
        -- so this counts batches without a count(distinct) over the largest table
        count(*) as batch_count,
        max(batch_received_at) as batch_received_at
    from scoped
    group by business_date, sale_hour, coop_id, site_id, product_id
),

final as (
    select
        {{ surrogate_key(['site_id', 'product_id', 'sale_hour']) }} as sales_hourly_key,
        business_date,
        sale_hour,
        cast(extract(hour from sale_hour) as integer) as hour_of_day,
        coop_id,
        site_id,
        product_id,
        cast(quantity as decimal(14, 3)) as quantity,
        cast(net_amount_kwd as decimal(18, 3)) as net_amount_kwd,
        cast(receipt_count as integer) as receipt_count,
        cast(batch_count as integer) as batch_count,
        batch_received_at,
        -- when this run wrote the row: shows which days an incremental run touched
        {{ run_loaded_at() }} as loaded_at
    from hourly
)

select * from final
