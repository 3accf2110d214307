{#- Reconciliation: what the ledger says landed is what the warehouse counts.
    1. per current sales batch, the rows in the lake equal the ledger's rows_landed;
    2. per co-op and business day, quantity and value in fct_sales_daily equal the sum
       of the lake rows of the batches the ledger says count.
    Any row returned is a discrepancy. -#}
{{ config(severity = 'error', tags = ['reconciliation']) }}

with

current_batches as (
    select * from {{ ref('int_batches__current') }}
    where feed = 'sales' and is_current
),

lake_rows as (
    select * from {{ ref('int_sales__current') }}
),

fact as (
    select * from {{ ref('fct_sales_daily') }}
),

rows_per_batch as (
    select batch_id, count(*) as rows_in_lake
    from lake_rows
    group by batch_id
),

batch_mismatches as (
    select
        'batch rows' as check_name,
        current_batches.coop_id,
        current_batches.business_date,
        current_batches.batch_id,
        cast(current_batches.rows_landed as double) as expected,
        cast(coalesce(rows_per_batch.rows_in_lake, 0) as double) as actual
    from current_batches
    left join rows_per_batch
        on current_batches.batch_id = rows_per_batch.batch_id
    where current_batches.rows_landed <> coalesce(rows_per_batch.rows_in_lake, 0)
),

lake_totals as (
    select coop_id, business_date, sum(quantity) as quantity, sum(net_amount_kwd) as net_amount_kwd
    from lake_rows
    group by coop_id, business_date
),

fact_totals as (
    select coop_id, business_date, sum(quantity) as quantity, sum(net_amount_kwd) as net_amount_kwd
    from fact
    group by coop_id, business_date
),

compared as (
    select
        coalesce(lake_totals.coop_id, fact_totals.coop_id) as coop_id,
        coalesce(lake_totals.business_date, fact_totals.business_date) as business_date,
        coalesce(lake_totals.quantity, 0) as lake_quantity,
        coalesce(fact_totals.quantity, 0) as fact_quantity,
        coalesce(lake_totals.net_amount_kwd, 0) as lake_amount,
        coalesce(fact_totals.net_amount_kwd, 0) as fact_amount
    from lake_totals
    full outer join fact_totals
        on lake_totals.coop_id = fact_totals.coop_id
        and lake_totals.business_date = fact_totals.business_date
),

total_mismatches as (
    select
        'quantity' as check_name,
        coop_id,
        business_date,
        cast(null as {{ dbt.type_string() }}) as batch_id,
        cast(lake_quantity as double) as expected,
        cast(fact_quantity as double) as actual
    from compared
    where lake_quantity <> fact_quantity

    union all

    select
        'net_amount_kwd' as check_name,
        coop_id,
        business_date,
        cast(null as {{ dbt.type_string() }}) as batch_id,
        cast(lake_amount as double) as expected,
        cast(fact_amount as double) as actual
    from compared
    where lake_amount <> fact_amount
),

final as (
    select * from batch_mismatches
    union all
    select * from total_mismatches
)

select * from final
