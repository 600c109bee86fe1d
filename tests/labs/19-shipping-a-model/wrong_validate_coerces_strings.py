"""validate names the field when it fails, but first tries to repair the value: "13.5%" becomes
13.5, a bool a number, None a missing value it still refuses — a garbled row is served.

loses: q3_tests
"""
# %% q3
def validate(record):
    clean = {}
    for field, kind in SCHEMA.items():
        if field not in record or record[field] is None:
            raise ValueError(f"missing field {field!r}")
        value = record[field]
        if kind == "number":
            try:
                text = str(value).strip().rstrip("%") if isinstance(value, str) else value
                value = float(text)
            except ValueError:
                raise ValueError(f"{field!r} must be a number, got {value!r}") from None
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"{field!r} must be a finite number ≥ 0, got {value!r}")
        elif not isinstance(value, str):
            raise ValueError(f"{field!r} must be a string, got {type(value).__name__}")
        clean[field] = value
    return clean


print(predict_one(model, validate({**requests[0], "addr_state": "PR"})))   # a new state: served
try:
    validate({**requests[0], "int_rate": "13.5%"})
except ValueError as error:
    print("refused:", error)
