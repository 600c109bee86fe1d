"""Code that runs inside a grading box, next to student code.

Nothing here may be trusted by the grader: a student's cell runs in the same interpreter and can
replace any of it. What the grader takes from this side is plain data in formats that cannot run
code (JSON, ``.npy`` without pickle, Arrow IPC), decoded and checked on the trusted side
(``autograde.judge``). What the grader sends here is its own data, so pickle is fine that way.
"""
