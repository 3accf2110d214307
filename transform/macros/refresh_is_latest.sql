{#- After an incremental run only the recomputed days carry a fresh is_latest; this
    recomputes the flag for every row whose value changes. -#}
{% macro refresh_is_latest(relation, partition_by, order_column) -%}
    {%- set join_condition -%}
        {%- for column in partition_by -%}
            target.{{ column }} = latest.{{ column }}{{ " and " if not loop.last }}
        {%- endfor -%}
    {%- endset -%}
    update {{ relation }} as target
    set is_latest = (target.{{ order_column }} = latest.latest_value)
    from (
        select {{ partition_by | join(', ') }}, max({{ order_column }}) as latest_value
        from {{ relation }}
        group by {{ partition_by | join(', ') }}
    ) as latest
    where {{ join_condition }}
        and target.is_latest <> (target.{{ order_column }} = latest.latest_value)
{%- endmacro %}
