with

source as (
    select * from {{ ref('ref_categories') }}
),

renamed as (
    select
        category_id,
        name_en as category_name_en,
        name_ar as category_name_ar,
        cast(is_essential as boolean) as is_essential
    from source
),

final as (
    select * from renamed
)

select * from final
