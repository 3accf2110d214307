"""What SQLFluff's jinja templater needs to render the models without dbt.

SQLFluff lints the models with its jinja templater (no `dbt compile`, no warehouse, no lake):
it supplies ref(), source(), config(), this and is_incremental() itself, loads macros/, and
puts every public name of this package into the template context. These stand in for the
rest of what the models and macros call: dbt's cross-database macros rendered as DuckDB
SQL, var() with the values in dbt_project.yml, and `execute` false, so the lake macros
render their parse-time branch (`select *` from the source) instead of globbing the lake.
"""

import os as _os
from types import SimpleNamespace as _Namespace

import yaml as _yaml

with open(_os.path.join(_os.path.dirname(__file__), "..", "dbt_project.yml"), encoding="utf-8") as _file:
    _VARS = _yaml.safe_load(_file).get("vars", {})

execute = False


def var(name, default=None):
    """dbt's var(): the project's value, else the default."""
    return _VARS.get(name, default)


def _datediff(first, second, datepart):
    return f"date_diff('{datepart}', {first}, {second})"


def _dateadd(datepart, interval, from_date_or_timestamp):
    return f"date_add({from_date_or_timestamp}, interval ({interval}) {datepart})"


def _date_trunc(datepart, date):
    return f"date_trunc('{datepart}', {date})"


def _concat(fields):
    return f"concat({', '.join(fields)})"


def _hash(field):
    return f"md5(cast({field} as varchar))"


dbt = _Namespace(
    type_string=lambda: "varchar",
    datediff=_datediff,
    dateadd=_dateadd,
    date_trunc=_date_trunc,
    concat=_concat,
    hash=_hash,
)

run_started_at = _Namespace(strftime=lambda fmt: "2026-01-01 00:00:00.000000")
