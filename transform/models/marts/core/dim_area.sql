with

areas as (
    select * from {{ ref('stg_reference__areas') }}
),

governorates as (
    select * from {{ ref('stg_reference__governorates') }}
),

final as (
    select
        areas.area_id,
        areas.area_name_en,
        areas.area_name_ar,
        areas.governorate_id,
        governorates.governorate_name_en,
        governorates.governorate_name_ar
    from areas
    left join governorates
        on areas.governorate_id = governorates.governorate_id
)

select * from final
