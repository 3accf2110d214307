with

source as (
    select * from {{ lake_relation('ml', 'stock_cover') }}
),

renamed as (
    select {{ lake_columns('ml', 'stock_cover') }}
    from source
),

final as (
    select * from renamed
)

select * from final
