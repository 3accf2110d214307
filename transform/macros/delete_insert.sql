{#- delete+insert by a composite key (the lake facts' co-op and day). dbt-duckdb's own
    version joins the target to the new rows themselves (`delete ... using <new rows> where
    key = key`), so every old row meets every new row of its co-op-day: at national scale
    (thousands of rows per co-op-day) the one-day incremental fct_sales_hourly took 868 s
    against 197 s for the whole full build. Joining to the distinct keys instead matches
    each old row once. Same statements otherwise; this root-project macro takes precedence
    over the adapter's through dispatch. -#}
{% macro duckdb__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
    {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}

    {% if unique_key %}
        {% if unique_key is sequence and unique_key is not string %}
            delete from {{ target }} as DBT_INCREMENTAL_TARGET
            using (
                select distinct {{ unique_key | join(', ') }}
                from {{ source }}
            ) as DBT_INCREMENTAL_KEYS
            where (
                {% for key in unique_key %}
                    DBT_INCREMENTAL_KEYS.{{ key }} = DBT_INCREMENTAL_TARGET.{{ key }}
                    {{ "and " if not loop.last }}
                {% endfor %}
                {% if incremental_predicates %}
                    {% for predicate in incremental_predicates %}
                        and {{ predicate }}
                    {% endfor %}
                {% endif %}
            );
        {% else %}
            delete from {{ target }}
            where (
                {{ unique_key }}) in (
                select ({{ unique_key }})
                from {{ source }}
            )
            {%- if incremental_predicates %}
                {% for predicate in incremental_predicates %}
                    and {{ predicate }}
                {% endfor %}
            {%- endif -%};
        {% endif %}
    {% endif %}

    insert into {{ target }} ({{ dest_cols_csv }})
    (
        select {{ dest_cols_csv }}
        from {{ source }}
    )
{%- endmacro %}
