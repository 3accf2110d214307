{#- not_null over several columns in one pass. For views over the lake, where each test
    re-reads every Parquet file, this is one scan instead of one per column; the failing
    rows come back whole, so the null column shows. -#}
{% test not_null_columns(model, columns) %}
select *
from {{ model }}
where {% for column in columns -%}
    {{ column }} is null{{ " or " if not loop.last }}
{%- endfor %}
{% endtest %}
