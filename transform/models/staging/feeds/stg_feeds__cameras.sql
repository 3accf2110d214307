with

source as (
    select * from {{ lake_relation('feeds', 'cameras') }}
),

renamed as (
    select {{ lake_columns('feeds', 'cameras') }}
    from source
),

final as (
    select * from renamed
)

select * from final
