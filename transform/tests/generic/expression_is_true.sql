{#- Every row satisfies the SQL expression (dbt_utils.expression_is_true without the package). -#}
{% test expression_is_true(model, expression, column_name=none) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}
