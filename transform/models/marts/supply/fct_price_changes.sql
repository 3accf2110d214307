{#- Shelf prices over time: each change with the price before it, and how long it held.
    Two current batches naming the same site, product and day: the later arrival wins. -#}
with

prices as (
    {{ current_batch_rows(ref('stg_feeds__prices')) | indent(4) }}
),

ranked as (
    select
        prices.*,
        row_number() over (
            partition by site_id, product_id, effective_date
            order by batch_received_at desc, batch_id desc, source_row desc
        ) as arrival_rank
    from prices
),

changes as (
    select
        *,
        lag(price_kwd) over (partition by site_id, product_id order by effective_date) as previous_price_kwd,
        lead(effective_date) over (partition by site_id, product_id order by effective_date) as next_effective_date
    from ranked
    where arrival_rank = 1
),

final as (
    select
        {{ surrogate_key(['site_id', 'product_id', 'effective_date']) }} as price_change_key,
        coop_id,
        site_id,
        product_id,
        effective_date,
        price_kwd,
        previous_price_kwd,
        cast(price_kwd - previous_price_kwd as decimal(18, 3)) as change_kwd,
        case
            when previous_price_kwd > 0
                then round(cast((price_kwd - previous_price_kwd) / previous_price_kwd as double), 4)
        end as change_share,
        reason,
        -- the day before the next change; null while the price holds
        cast({{ dbt.dateadd('day', -1, 'next_effective_date') }} as date) as valid_until,
        next_effective_date is null as is_current,
        batch_id,
        batch_received_at
    from changes
)

select * from final
