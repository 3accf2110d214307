{#- Lake sources are globs of Parquet files. A feed that has not landed a file yet (the ML
    forecasts before the first `rabt score`, a feed a co-op never sent) would make
    read_parquet fail on an empty glob, so staging reads the source through
    lake_relation(), which falls back to a typed empty relation with the same columns. -#}

{% macro lake_source_node(source_name, table_name) -%}
    {%- for node in graph.sources.values() -%}
        {%- if node.source_name == source_name and node.name == table_name -%}
            {{ return(node) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("unknown lake source " ~ source_name ~ "." ~ table_name) }}
{%- endmacro %}

{% macro lake_has_files(pattern) -%}
    {%- set result = run_query("select count(*) from glob('" ~ pattern | replace("'", "''") ~ "')") -%}
    {{ return(result.columns[0].values()[0] > 0) }}
{%- endmacro %}

{% macro typed_empty_relation(columns) -%}
    (select
    {%- for column in columns %}
        cast(null as {{ column.data_type }}) as {{ column.name }}{{ "," if not loop.last }}
    {%- endfor %}
    where 1 = 0)
{%- endmacro %}

{% macro lake_relation(source_name, table_name) -%}
    {#- source() is always called so the lineage graph records the dependency. -#}
    {%- set relation = source(source_name, table_name) -%}
    {%- if not execute -%}
        {{ relation }}
    {%- else -%}
        {%- set node = lake_source_node(source_name, table_name) -%}
        {%- set pattern = node.meta.lake_dir ~ '/' ~ node.meta.lake_glob -%}
        {%- if lake_has_files(pattern) -%}
            {{ relation }}
        {%- else -%}
            {{ typed_empty_relation(node.columns.values()) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- Whether the lake's files of a source have `column_name` (true when there are no files: the
    typed empty relation has every declared column). A column added to a lake file later is
    missing from the files written before it; staging reads it as NULL from those. -#}
{% macro lake_has_column(source_name, table_name, column_name) -%}
    {%- if not execute -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set node = lake_source_node(source_name, table_name) -%}
    {%- set pattern = node.meta.lake_dir ~ '/' ~ node.meta.lake_glob -%}
    {%- if not lake_has_files(pattern) -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set result = run_query(
        "select count(*) from (describe select * from read_parquet('" ~ pattern | replace("'", "''")
        ~ "', union_by_name = true)) where column_name = '" ~ column_name ~ "'") -%}
    {{ return(result.columns[0].values()[0] > 0) }}
{%- endmacro %}

{#- Every column the source declares, cast to its declared type: a staging model over an
    lake table that needs no renaming stays exactly in step with its source YAML
    (stage_lake_source). -#}
{% macro lake_columns(source_name, table_name) -%}
    {%- if not execute -%}
        *
    {%- else -%}
        {%- set node = lake_source_node(source_name, table_name) -%}
        {%- for column in node.columns.values() %}
        cast({{ column.name }} as {{ column.data_type }}) as {{ column.name }}{{ "," if not loop.last }}
        {%- endfor %}
    {%- endif -%}
{%- endmacro %}
