{#- Stock lines of current batches only (see int_batches__current). -#}
with

current_stock as (
    {{ current_batch_rows(ref('stg_feeds__stock')) | indent(4) }}
),

final as (
    select * from current_stock
)

select * from final
