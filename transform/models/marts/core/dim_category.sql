with

categories as (
    select * from {{ ref('stg_reference__categories') }}
),

final as (
    select
        category_id,
        category_name_en,
        category_name_ar,
        is_essential
    from categories
)

select * from final
