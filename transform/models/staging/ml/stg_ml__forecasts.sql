with

source as (
    select * from {{ lake_relation('ml', 'forecasts') }}
),

renamed as (
    select
        cast(series_id as {{ dbt.type_string() }}) as series_id,
        cast(coop_id as {{ dbt.type_string() }}) as coop_id,
        cast(site_id as {{ dbt.type_string() }}) as site_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(ds as date) as ds,
        cast(model as {{ dbt.type_string() }}) as model,
        cast(yhat as double) as yhat,
        cast(yhat_lower as double) as yhat_lower,
        cast(yhat_upper as double) as yhat_upper,
        cast(level as double) as level,
        generated_at
    from source
),

final as (
    select * from renamed
)

select * from final
