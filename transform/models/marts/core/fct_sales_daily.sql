{#- Incremental by (co-op, business day). An incremental run recomputes the co-op-days
    the ledger has news for plus the look-back window (macros/touched_days.sql), each
    from all of that day's current batches, and replaces those co-op-days whole: a
    superseded batch's rows leave, nothing is counted twice. -#}
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

daily as (
    select
        business_date,
        coop_id,
        site_id,
        product_id,
        sum(quantity) as quantity,
        sum(net_amount_kwd) as net_amount_kwd,
        sum(receipt_count) as receipt_count,
        count(distinct batch_id) as batch_count,
        max(batch_received_at) as batch_received_at
    from scoped
    group by business_date, coop_id, site_id, product_id
),

final as (
    select
        {{ surrogate_key(['site_id', 'product_id', 'business_date']) }} as sales_daily_key,
        business_date,
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
    from daily
)

select * from final
