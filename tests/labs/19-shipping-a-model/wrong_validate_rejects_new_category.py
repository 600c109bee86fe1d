"""validate also checks each category against the values seen in training: a new state (a
market the bank just opened) is refused instead of being served as unknown.

loses: q3_tests
"""
# %% q3
KNOWN = {field: set(train[field]) for field in CATEGORICAL}


def validate(record):
    clean = {}
    for field, kind in SCHEMA.items():
        if field not in record:
            raise ValueError(f"missing field {field!r}")
        value = record[field]
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
                raise ValueError(f"{field!r} must be a number, got {type(value).__name__}")
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"{field!r} must be a finite number ≥ 0, got {value!r}")
            clean[field] = float(value)
        else:
            if not isinstance(value, str) or value not in KNOWN[field]:
                raise ValueError(f"{field!r} must be one of the known values, got {value!r}")
            clean[field] = value
    return clean


try:
    validate({**requests[0], "int_rate": "13.5%"})
except ValueError as error:
    print("refused:", error)
