{#- Incremental by (co-op, business day). An incremental run recomputes the co-op-days
    the ledger has news for (late batches, resends, corrections) plus the look-back
    window of recent days, each from all of that day's current batches, and replaces
    those co-op-days whole: a superseded batch's rows leave, nothing is counted twice.
    Arrival times cannot be the window themselves: a history ingested at once arrives
    in one minute. -#}
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

ledger_days as (
    select coop_id, business_date, max(received_at) as last_received_at
    from batches
    where feed = 'sales' and status = 'landed'
    group by coop_id, business_date
),

built_days as (
    select coop_id, business_date, max(batch_received_at) as last_received_at
    from {{ this }}
    group by coop_id, business_date
),

horizon as (
    select max(business_date) as last_business_date from {{ this }}
),

touched as (
    -- a co-op-day is recomputed when the ledger holds a batch for it newer than the
    -- ones it was built from (a late batch, a resend, a correction), or when it lies in
    -- the look-back window behind the newest built day
    select ledger_days.coop_id, ledger_days.business_date
    from ledger_days
    cross join horizon
    left join built_days
        on ledger_days.coop_id = built_days.coop_id
        and ledger_days.business_date = built_days.business_date
    where built_days.last_received_at is null
        or ledger_days.last_received_at > built_days.last_received_at
        or horizon.last_business_date is null
        or ledger_days.business_date > {{ dbt.dateadd('day', -var('lookback_days'), 'horizon.last_business_date') }}
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
        batch_received_at,
        -- when this run wrote the row: shows which days an incremental run touched
        {{ run_loaded_at() }} as loaded_at
    from daily
)

select * from final
