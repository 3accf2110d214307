{#- Every version of a product: price, cost and category as they were between valid_from
    and valid_to (null = still current). Join a fact on product_id and
    fact day >= valid_from and (valid_to is null or fact day < valid_to). -#}
with

versions as (
    select * from {{ ref('snp_reference__products') }}
),

categories as (
    select * from {{ ref('stg_reference__categories') }}
),

final as (
    select
        versions.dbt_scd_id as product_version_key,
        versions.product_id,
        versions.product_name_en,
        versions.product_name_ar,
        versions.category_id,
        categories.category_name_en,
        categories.category_name_ar,
        versions.is_essential,
        versions.unit_cost_kwd,
        versions.unit_price_kwd,
        versions.supplier_id,
        cast(versions.dbt_valid_from as timestamp) as valid_from,
        cast(versions.dbt_valid_to as timestamp) as valid_to,
        versions.dbt_valid_to is null as is_current
    from versions
    left join categories
        on versions.category_id = categories.category_id
)

select * from final
