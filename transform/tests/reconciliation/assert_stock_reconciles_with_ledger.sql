{#- Per current stock batch, the rows in the lake equal the ledger's rows_landed. -#}
{{ config(severity = 'error', tags = ['reconciliation']) }}

with

current_batches as (
    select * from {{ ref('int_batches__current') }}
    where feed = 'stock' and is_current
),

rows_per_batch as (
    select batch_id, count(*) as rows_in_lake
    from {{ ref('int_stock__current') }}
    group by batch_id
),

final as (
    select
        current_batches.batch_id,
        current_batches.coop_id,
        current_batches.business_date,
        current_batches.rows_landed,
        coalesce(rows_per_batch.rows_in_lake, 0) as rows_in_lake
    from current_batches
    left join rows_per_batch
        on current_batches.batch_id = rows_per_batch.batch_id
    where current_batches.rows_landed <> coalesce(rows_per_batch.rows_in_lake, 0)
)

select * from final
