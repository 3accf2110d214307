with

source as (
    select * from {{ ref('ref_coops') }}
),

renamed as (
    select
        coop_id,
        name_en as coop_name_en,
        name_ar as coop_name_ar,
        area_id,
        governorate_id,
        vendor,
        cast(linked_since as date) as linked_since
    from source
),

final as (
    select * from renamed
)

select * from final
