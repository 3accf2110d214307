with

governorates as (
    select * from {{ ref('stg_reference__governorates') }}
),

final as (
    select
        governorate_id,
        governorate_name_en,
        governorate_name_ar
    from governorates
)

select * from final
