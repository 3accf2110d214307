{#- Stock lines of current batches only (see int_batches__current). -#}
with

stock as (
    select * from {{ ref('stg_lake__stock') }}
),

batches as (
    select * from {{ ref('int_batches__current') }}
),

final as (
    select
        stock.*,
        batches.received_at as batch_received_at
    from stock
    inner join batches
        on stock.batch_id = batches.batch_id
    where batches.is_current
)

select * from final
