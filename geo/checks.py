"""One translation of a pandera validation into :class:`geo.errors.Problem` s, shared by every table
the project validates against a schema (the incident table, the sourced layers): each failing
cell becomes one problem with its row as a spreadsheet numbers it (header = row 1) and its field."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from geo.errors import Problem


def _reason(check: str, case) -> tuple[str, str | None]:
    if check == "field_uniqueness":
        return f"duplicate value {case.failure_case!r} (must be unique)", None
    if check == "column_in_dataframe":
        return f"column '{case.failure_case}' is missing", case.failure_case
    if check == "column_in_schema":
        return f"unexpected column '{case.failure_case}'", case.failure_case
    return f"{check} (found {case.failure_case!r})", None


def schema_problems(schema: pa.DataFrameSchema, frame: pd.DataFrame, name: str) -> list[Problem]:
    """Every cell of ``frame`` (read from the file ``name``) that breaks a rule of ``schema``, as
    problems; none when the frame is valid."""
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        problems = []
        for case in err.failure_cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index) + 2
            reason, field = _reason(str(case.check), case)
            if field is None:
                field = case.column if isinstance(case.column, str) else None
            problems.append(Problem(name, row, field, reason))
        return problems
    return []
