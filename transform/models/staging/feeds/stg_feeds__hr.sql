with

source as (
    select * from {{ lake_relation('feeds', 'hr') }}
),

renamed as (
    select {{ lake_columns('feeds', 'hr') }}
    from source
),

final as (
    select * from renamed
)

select * from final
