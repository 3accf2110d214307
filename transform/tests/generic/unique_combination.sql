{#- The grain test: no two rows share this combination of columns (a portable stand-in
    for dbt_utils.unique_combination_of_columns, which needs the package hub). -#}
{% test unique_combination(model, columns) %}
select
    {{ columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
