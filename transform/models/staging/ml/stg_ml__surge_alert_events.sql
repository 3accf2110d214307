with

source as (
    select * from {{ lake_relation('ml', 'alert_events') }}
),

renamed as (
    select {{ lake_columns('ml', 'alert_events') }}
    from source
),

final as (
    select * from renamed
)

select * from final
