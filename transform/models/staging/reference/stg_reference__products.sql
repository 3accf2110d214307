with

source as (
    select * from {{ ref('ref_products') }}
),

renamed as (
    select
        product_id,
        name_en as product_name_en,
        name_ar as product_name_ar,
        category_id,
        cast(pack_size as {{ dbt.type_string() }}) as pack_size,
        unit,
        cast(shelf_life_days as integer) as shelf_life_days,
        supplier_id,
        cast(is_essential as boolean) as is_essential,
        cast(unit_cost_kwd as decimal(18, 3)) as unit_cost_kwd,
        cast(unit_price_kwd as decimal(18, 3)) as unit_price_kwd
    from source
),

final as (
    select * from renamed
)

select * from final
