{#- Incremental by (co-op, business day). An incremental run recomputes every co-op-day
    that any sales batch arrived for within the look-back window (late batches and
    corrections included) from all of that day's current batches, then replaces those
    co-op-days whole: a superseded batch's rows leave, nothing is counted twice. -#}
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

{% if is_incremental() %}
batches as (
    select * from {{ ref('int_batches__current') }}
),

watermark as (
    select coalesce(max(batch_received_at), cast('1900-01-01' as timestamp)) as last_received_at
    from {{ this }}
),

touched as (
    select distinct batches.coop_id, batches.business_date
    from batches
    cross join watermark
    where batches.feed = 'sales'
        and batches.received_at > {{ dbt.dateadd('day', -var('lookback_days'), 'watermark.last_received_at') }}
),
{% endif %}

scoped as (
    select sales.*
    from sales
    {% if is_incremental() %}
    inner join touched
        on sales.coop_id = touched.coop_id
        and sales.business_date = touched.business_date
    {% endif %}
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
        batch_received_at
    from daily
)

select * from final
