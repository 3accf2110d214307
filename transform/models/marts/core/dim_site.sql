with

sites as (
    select * from {{ ref('stg_reference__sites') }}
),

areas as (
    select * from {{ ref('stg_reference__areas') }}
),

coops as (
    select * from {{ ref('stg_reference__coops') }}
),

final as (
    select
        sites.site_id,
        sites.coop_id,
        sites.site_type,
        sites.site_name_en,
        sites.site_name_ar,
        coalesce(sites.area_id, coops.area_id) as area_id,
        -- a site sits in its own area's governorate; the co-op's is the fallback
        coalesce(areas.governorate_id, coops.governorate_id) as governorate_id
    from sites
    inner join coops
        on sites.coop_id = coops.coop_id
    left join areas
        on coalesce(sites.area_id, coops.area_id) = areas.area_id
)

select * from final
