with

source as (
    select * from {{ ref('ref_areas') }}
),

renamed as (
    select
        area_id,
        governorate_id,
        name_en as area_name_en,
        name_ar as area_name_ar
    from source
),

final as (
    select * from renamed
)

select * from final
