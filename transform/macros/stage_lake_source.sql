{#- The staging model of a lake table that needs no renaming: every column its source YAML
    declares, cast to the declared type (lake_columns), read through lake_relation so a table
    with no file yet builds as a typed empty relation. A staging model over such a table is
    then one line, `{{ stage_lake_source('feeds', 'aid') }}`, and cannot drift from its
    source. Staging that renames or derives columns (stg_feeds__sales, ...) writes its own
    import CTE and steps instead. -#}
{% macro stage_lake_source(source_name, table_name) -%}
with

source as (
    select * from {{ lake_relation(source_name, table_name) }}
),

renamed as (
    select {{ lake_columns(source_name, table_name) }}
    from source
),

final as (
    select * from renamed
)

select * from final
{%- endmacro %}
