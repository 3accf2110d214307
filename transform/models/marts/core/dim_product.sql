with

products as (
    select * from {{ ref('stg_reference__products') }}
),

categories as (
    select * from {{ ref('stg_reference__categories') }}
),

final as (
    select
        products.product_id,
        products.product_name_en,
        products.product_name_ar,
        products.category_id,
        categories.category_name_en,
        categories.category_name_ar,
        products.is_essential,
        products.unit,
        products.pack_size,
        products.unit_price_kwd,
        products.unit_cost_kwd,
        products.supplier_id,
        products.shelf_life_days
    from products
    left join categories
        on products.category_id = categories.category_id
)

select * from final
