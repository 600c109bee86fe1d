"""validate converts each field with float() / str(): a missing field is a KeyError, "13.5%"
a ValueError that names no field, True becomes 1.0 and None a TypeError.

loses: q3_tests
"""
# %% q3
def validate(record):
    return {field: float(record[field]) if kind == "number" else str(record[field])
            for field, kind in SCHEMA.items()}


print(predict_one(model, validate({**requests[0], "addr_state": "PR"})))   # a new state: served
try:
    validate({**requests[0], "int_rate": "13.5%"})
except ValueError as error:
    print("refused:", error)
