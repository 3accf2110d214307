{#- Sales lines of current batches only: superseded and rejected batches drop out here,
    so every fact built on this counts each sale once. -#}
with

sales as (
    select * from {{ ref('stg_lake__sales') }}
),

batches as (
    select * from {{ ref('int_batches__current') }}
),

final as (
    select
        sales.*,
        batches.received_at as batch_received_at
    from sales
    inner join batches
        on sales.batch_id = batches.batch_id
    where batches.is_current
)

select * from final
