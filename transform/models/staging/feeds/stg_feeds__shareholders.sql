with

source as (
    select * from {{ lake_relation('feeds', 'shareholders') }}
),

renamed as (
    select {{ lake_columns('feeds', 'shareholders') }}
    from source
),

final as (
    select * from renamed
)

select * from final
