{#- Supplier deliveries received at co-op warehouses, line by line, from current batches. -#}
with

deliveries as (
    {{ current_batch_rows(ref('stg_feeds__deliveries')) | indent(4) }}
),

final as (
    select
        {{ surrogate_key(['delivery_id', 'product_id']) }} as delivery_line_key,
        delivery_id,
        coop_id,
        site_id,
        supplier_id,
        product_id,
        delivery_date,
        quantity,
        unit_cost_kwd,
        cast(quantity * unit_cost_kwd as decimal(18, 3)) as line_value_kwd,
        invoice_no,
        batch_id,
        batch_received_at
    from deliveries
)

select * from final
