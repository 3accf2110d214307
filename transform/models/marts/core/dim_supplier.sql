with

suppliers as (
    select * from {{ ref('stg_reference__suppliers') }}
),

final as (
    select
        supplier_id,
        supplier_name_en,
        supplier_name_ar,
        lead_time_days
    from suppliers
)

select * from final
