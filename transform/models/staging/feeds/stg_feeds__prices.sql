with

source as (
    select * from {{ lake_relation('feeds', 'prices') }}
),

renamed as (
    select {{ lake_columns('feeds', 'prices') }}
    from source
),

final as (
    select * from renamed
)

select * from final
