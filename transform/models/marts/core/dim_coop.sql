with

coops as (
    select * from {{ ref('stg_reference__coops') }}
),

final as (
    select
        coop_id,
        coop_name_en,
        coop_name_ar,
        area_id,
        governorate_id,
        vendor,
        linked_since
    from coops
)

select * from final
