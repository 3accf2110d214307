with

source as (
    select * from {{ lake_relation('feeds', 'contractors') }}
),

renamed as (
    select {{ lake_columns('feeds', 'contractors') }}
    from source
),

final as (
    select * from renamed
)

select * from final
