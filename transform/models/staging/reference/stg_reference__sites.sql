with

source as (
    select * from {{ ref('ref_sites') }}
),

renamed as (
    select
        site_id,
        coop_id,
        site_type,
        name_en as site_name_en,
        name_ar as site_name_ar,
        area_id
    from source
),

final as (
    select * from renamed
)

select * from final
