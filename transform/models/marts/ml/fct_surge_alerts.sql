with

alerts as (
    select * from {{ ref('stg_ml__surge_alerts') }}
),

newest as (
    {{ newest_generation('alerts') | indent(4) }}
),

final as (
    select
        alert_id,
        governorate_id,
        category_id,
        status,
        severity,
        peak_severity,
        since_at,
        opened_at,
        last_at,
        closed_at,
        ratio,
        peak_ratio,
        excess_units,
        coops_affected,
        coops_total,
        top_product_ids,
        stock_on_hand,
        hours_to_stockout,
        expected_stockout_at,
        status = 'open' as is_open,
        generated_at
    from newest
)

select * from final
