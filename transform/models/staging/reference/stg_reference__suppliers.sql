with

source as (
    select * from {{ ref('ref_suppliers') }}
),

renamed as (
    select
        supplier_id,
        name_en as supplier_name_en,
        name_ar as supplier_name_ar,
        cast(lead_time_days as integer) as lead_time_days
    from source
),

final as (
    select * from renamed
)

select * from final
