with

source as (
    select * from {{ ref('ref_governorates') }}
),

renamed as (
    select
        governorate_id,
        name_en as governorate_name_en,
        name_ar as governorate_name_ar
    from source
),

final as (
    select * from renamed
)

select * from final
