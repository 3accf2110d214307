{#- The monthly count against the books: variance in units and valued at the product's
    unit cost (negative = shrinkage). -#}
with

counts as (
    {{ current_batch_rows(ref('stg_feeds__stocktake')) | indent(4) }}
),

products as (
    select * from {{ ref('dim_product') }}
),

ranked as (
    select
        counts.*,
        row_number() over (
            partition by site_id, product_id, count_date
            order by batch_received_at desc, batch_id desc, source_row desc
        ) as arrival_rank
    from counts
),

final as (
    select
        {{ surrogate_key(['ranked.site_id', 'ranked.product_id', 'ranked.count_date']) }} as stocktake_line_key,
        ranked.coop_id,
        ranked.site_id,
        ranked.product_id,
        ranked.count_date,
        ranked.book_qty,
        ranked.counted_qty,
        ranked.counted_qty - ranked.book_qty as variance_qty,
        products.unit_cost_kwd,
        cast((ranked.counted_qty - ranked.book_qty) * products.unit_cost_kwd as decimal(18, 3)) as variance_value_kwd,
        case
            when ranked.book_qty <> 0
                then round(cast(ranked.counted_qty - ranked.book_qty as double) / ranked.book_qty, 4)
        end as variance_share,
        ranked.batch_id,
        ranked.batch_received_at
    from ranked
    left join products
        on ranked.product_id = products.product_id
    where ranked.arrival_rank = 1
)

select * from final
