{#- Every version of a co-op's reference row (name, area, governorate, vendor), between
    valid_from and valid_to (null = still current). -#}
with

versions as (
    select * from {{ ref('snp_reference__coops') }}
),

final as (
    select
        dbt_scd_id as coop_version_key,
        coop_id,
        coop_name_en,
        coop_name_ar,
        area_id,
        governorate_id,
        vendor,
        linked_since,
        cast(dbt_valid_from as timestamp) as valid_from,
        cast(dbt_valid_to as timestamp) as valid_to,
        dbt_valid_to is null as is_current
    from versions
)

select * from final
