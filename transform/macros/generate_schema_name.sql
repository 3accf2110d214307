{#- Schemas are exactly the layer names (reference, staging, intermediate, marts): Cube and the
    ML code address them by name, so dbt's default <target>_<custom> prefix is dropped. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
