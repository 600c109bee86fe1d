"""A verdict student code cannot forge: attacks from inside the kernel earn no point.

Each attacking student hands in a wrong ``add`` and the wrong letter for c1 (worth 0 of 3), plus
code that tries to forge the verdict: silence or erase errors, answer before a cell runs, rewrite
the tests, tamper with the grader's helpers in the kernel, hand back values that lie, or read the
hidden tests. Grade cells are judged where no student code runs (``autograde.judge``), so every
attack must score 0, the honest student 3, and no hidden code or hidden-call output may reach the
student's notebook or feedback.
"""

from __future__ import annotations

import json

import pytest

from autograde import pipeline
from tests import toy_course

pytestmark = pytest.mark.slow

WRONG = "def add(a, b):\n    return 0\n"
WRONG_C1 = "answer_c1 = 'A'"
HOOK = "ip = get_ipython()\n"

ATTACKS: dict[str, dict[str, str]] = {
    # 1. forged results
    "silenced_tracebacks": {"q1": WRONG + HOOK + "ip.showtraceback = lambda *a, **k: None\n"
                                  "ip._showtraceback = lambda *a, **k: None"},
    "custom_exception_handler": {"q1": WRONG + HOOK + "ip.set_custom_exc((BaseException,), "
                                       "lambda shell, etype, value, tb, tb_offset=None: None)"},
    "clears_output_after_each_cell": {"q1": WRONG + HOOK + (
        "from IPython.display import clear_output\n"
        "ip.events.register('post_run_cell', lambda result: clear_output())")},
    "publishes_a_result_first": {"q1": WRONG + HOOK + (
        "def first(info):\n"
        "    ip.display_pub.publish({'text/plain': '1.0'})\n"
        "ip.events.register('pre_run_cell', first)")},
    "session_drops_errors": {"q1": WRONG + HOOK + (
        "session = ip.kernel.session\nsend = session.send\n"
        "def quiet(stream, msg_or_type, content=None, *args, **kwargs):\n"
        "    kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type['msg_type']\n"
        "    if kind == 'error':\n        return None\n"
        "    if isinstance(content, dict) and content.get('status') == 'error':\n"
        "        content = {**content, 'status': 'ok'}\n"
        "    return send(stream, msg_or_type, content, *args, **kwargs)\n"
        "session.send = quiet")},
    "fake_reply_before_each_cell": {"q1": WRONG + HOOK + (
        "def early(info):\n"
        "    k = ip.kernel\n"
        "    parent = k.get_parent('shell')\n"
        "    k.session.send(k.shell_stream, 'execute_reply', {'status': 'ok',"
        " 'execution_count': 1, 'user_expressions': {}, 'payload': []}, parent)\n"
        "    k.session.send(k.iopub_socket, 'status', {'execution_state': 'idle'}, parent)\n"
        "ip.events.register('pre_run_cell', early)")},
    # 2. tests rewritten before they run
    "input_transformer_blanks_cells": {"q1": WRONG + HOOK + (
        "ip.input_transformers_cleanup.append(lambda lines: ['pass\\n'])")},
    "ast_transformer_strips_asserts": {"q1": WRONG + HOOK + (
        "import ast\n"
        "class NoAsserts(ast.NodeTransformer):\n"
        "    def visit_Assert(self, node):\n        return ast.Pass()\n"
        "ip.ast_transformers.append(NoAsserts())")},
    # 3. the grader's helpers in the kernel tampered with
    "guard_disabled": {"q1": WRONG + (
        "import autograde.guard as guard\nguard.restore = lambda: None\n"
        "import builtins\nbuiltins.AssertionError = type('Quiet', (Exception,), {})")},
    "channel_answers_anything": {"q1": WRONG + (
        "import autograde.boxed.channel as channel\n"
        "from IPython.display import publish_display_data\n"
        "channel.serve = lambda request: publish_display_data("
        "{channel.MIME: {'ok': True, 'value': {'t': 'bool', 'v': True}}})")},
    "channel_replies_twice": {"q1": WRONG + (
        "import autograde.boxed.channel as channel\n"
        "from IPython.display import publish_display_data\n"
        "real = channel.serve\n"
        "def twice(request):\n"
        "    publish_display_data({channel.MIME: {'ok': True, 'value': {'t': 'int', 'v': '2'}}})\n"
        "    real(request)\n"
        "channel.serve = twice")},
    "channel_module_replaced": {"q1": WRONG + (
        "import sys, types\nfake = types.ModuleType('autograde.boxed.channel')\n"
        "fake.serve = lambda request: None\nsys.modules['autograde.boxed.channel'] = fake\n"
        "import autograde.boxed\nautograde.boxed.channel = fake")},
    "private_builtins": {"q1": WRONG + "__builtins__ = {'__import__': None}"},
    "mappingproxy_hack": {"q1": WRONG + (
        "import gc\ngc.get_referents(int.__dict__)[0]['__eq__'] = lambda a, b: True\n"
        "gc.get_referents(str.__dict__)[0]['__eq__'] = lambda a, b: True")},
    "profile_hook": {"q1": WRONG + (
        "import sys\ndef spy(frame, event, arg):\n"
        "    if event == 'return' and frame.f_code.co_name == 'add':\n        pass\n"
        "sys.setprofile(spy)")},
    # 4. values that lie
    "int_equal_to_everything": {"q1": (
        "class Always(int):\n    def __eq__(self, other):\n        return True\n"
        "    __hash__ = int.__hash__\n"
        "def add(a, b):\n    return Always(0)")},
    "object_equal_to_everything": {"q1": (
        "class Always:\n    def __eq__(self, other):\n        return True\n"
        "    def __bool__(self):\n        return True\n"
        "def add(a, b):\n    return Always()"),
        "c1": "class Letter(str):\n    def __eq__(self, other):\n        return True\n"
              "    __hash__ = str.__hash__\nanswer_c1 = Letter('A')"},
    "reads_the_callers_frame": {"q1": (
        "import sys\n"
        "def add(a, b):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame is not None:\n"
        "        for value in list(frame.f_locals.values()) + list(frame.f_code.co_consts):\n"
        "            if isinstance(value, int) and not isinstance(value, bool) and value < -1:\n"
        "                return value\n"
        "        frame = frame.f_back\n"
        "    return 0")},
    # 5. hidden tests leaked
    "prints_each_cell": {"q1": WRONG + HOOK + (
        "ip.events.register('pre_run_cell', lambda info: print('LEAKED', info.raw_cell))\n"
        "ip.input_transformers_cleanup.append(lambda lines: (print('LEAKED', *lines), lines)[1])")},
    "prints_its_arguments": {"q1": "def add(a, b):\n    print('LEAKED', a, b)\n    return 0"},
    "reads_the_notebook": {"q1": WRONG + (
        "import glob\nfound = glob.glob('**/*.ipynb', recursive=True)\n"
        "print('LEAKED', [open(p).read() for p in found])")},
}
SKIP_TAG = "skip_execution_tag"


def _tag_grade_cells(nb) -> None:
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            cell.metadata["tags"] = ["skip-execution", "raises-exception"]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    toy = toy_course.released(tmp_path_factory.mktemp("verdict"),
                              "c.Execute.timeout = 10\nc.Limits.notebook_seconds = 60\n")
    toy.hand_in("honest", toy.answers)
    for student, cells in ATTACKS.items():
        toy.hand_in(student, {"c1": WRONG_C1, **cells})
    toy.hand_in(SKIP_TAG, {"q1": WRONG, "c1": WRONG_C1}, _tag_grade_cells)
    results = {r.student: r for r in pipeline.grade(toy.course, jobs=2)}
    return toy.root, results


def test_the_honest_student_gets_full_marks(graded):
    _, results = graded
    assert results["honest"].score == 3, results["honest"]


@pytest.mark.parametrize("student", [*sorted(ATTACKS), SKIP_TAG])
def test_an_attack_earns_nothing(graded, student):
    _, results = graded
    result = results[student]
    assert result.graded, result.problem
    assert result.score == 0, f"{student} earned {result.score} of 3 ({result.note})"


@pytest.mark.parametrize("student", ["prints_each_cell", "prints_its_arguments",
                                     "reads_the_notebook"])
def test_nothing_of_the_hidden_tests_reaches_the_student(graded, student):
    root, _ = graded
    feedback = next((root / "feedback" / student / "toy").glob("*.html")).read_text()
    graded_nb = json.loads((root / "autograded" / student / "toy" / "toy.ipynb").read_text())
    outputs = json.dumps([cell.get("outputs", []) for cell in graded_nb["cells"]])
    for page in (feedback, outputs):
        assert "-40" not in page, "hidden test code or a hidden call's arguments leaked"
