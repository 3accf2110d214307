{#- Sales lines of current batches only: superseded and rejected batches drop out here,
    so every fact built on this counts each sale once. -#}
with

current_sales as (
    {{ current_batch_rows(ref('stg_feeds__sales')) | indent(4) }}
),

final as (
    select * from current_sales
)

select * from final
