with

source as (
    select * from {{ lake_relation('ml', 'alerts') }}
),

renamed as (
    select {{ lake_columns('ml', 'alerts') }}
    from source
),

final as (
    select * from renamed
)

select * from final
