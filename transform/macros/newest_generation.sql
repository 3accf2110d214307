{#- The rows of the newest ML run in `rows_relation` (a CTE with generated_at). ml/score.ts
    replaces each table whole per run, so the newest run is the whole truth; should two runs
    ever sit side by side (a crash between the rename and the clean-up), the older one
    must not double the figures. -#}
{% macro newest_generation(rows_relation) -%}
    select *
    from {{ rows_relation }}
    where generated_at = (select max(generated_at) from {{ rows_relation }})
{%- endmacro %}
