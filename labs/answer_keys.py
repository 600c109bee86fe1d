"""Concept answers as salted hashes, so ``check("c1")`` can tell right from wrong without the
answer being in clear anywhere the learner has.

A concept question's hidden test is ``assert answer_cN == <value>, …`` (a letter, or a whole
number). ``build`` reads those values from source/ and turns each into
``sha256(salt:lab:question:normalized answer)``; the table is committed as ``labs/answers.toml``
(lab → salt and question → digest). Regenerate it after editing an answer::

    .venv/bin/python -m labs.answer_keys

A coding question whose answer is one fixed number (lab 01's ``baseline_rmse``) is keyed the
same way: its hints file (``labs/hints/<lab>.toml``) names the variable and the decimals it is
judged to (``value = "baseline_rmse"``, ``decimals = 5``), and the digest of the reference's
value, rounded, is made by running the source notebook up to that question (``--values``, which
executes notebooks: wrap it in the grading lock)::

    flock /tmp/acelabs-grading.lock .venv/bin/python -m labs.answer_keys --values LAB

With four letters (or a few thousand roundings) a determined reader of this package can still try
them all: the table keeps the answer out of sight, it is no secret. An instructor grading a class
turns the right-or-wrong part off with ``c.Check.answers = False`` in nbgrader_config.py;
``acelabs release`` then writes ``check.toml`` (``answers = false``) next to each released
notebook and ``check`` keeps to the visible tests. Only the standard library is imported here
(``--values`` imports nbclient).
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent / "answers.toml"
HINTS_DIR = Path(__file__).parent / "hints"
MARKER = "check.toml"
_CONCEPT = re.compile(r"^c\d+$")
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.DOTALL)
_HEADER = ("# Generated from source/ by `.venv/bin/python -m labs.answer_keys`: do not edit.\n"
           "# Each concept answer as sha256(salt:lab:question:normalized answer).\n")


def salt(lab: str) -> str:
    """The lab's salt: fixed per lab, so the table is reproducible from source/."""
    return hashlib.sha256(f"acelabs-answer-salt:{lab}".encode()).hexdigest()[:16]


def normalized(answer: object) -> str | None:
    """What is hashed: a string as it is, a whole number (numpy's too) as its digits; None for
    anything else (no fixed answer takes that form)."""
    if isinstance(answer, str):
        return f"str:{answer}"
    if isinstance(answer, bool):
        return None
    try:
        import numbers

        if isinstance(answer, numbers.Integral):
            return f"int:{int(answer)}"
    except (TypeError, ValueError):
        return None
    return None


def rounded(value: object, decimals: int) -> str | None:
    """What is hashed for a fixed number: the value rounded to ``decimals``; None for anything
    that is not a finite real number."""
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return f"num:{round(number, decimals):.{decimals}f}"


def digest(lab: str, question: str, answer: object, lab_salt: str | None = None) -> str | None:
    value = normalized(answer)
    if value is None:
        return None
    text = f"{lab_salt or salt(lab)}:{lab}:{question}:{value}"
    return hashlib.sha256(text.encode()).hexdigest()


def _reference_answer(question: str, hidden: str) -> object | None:
    """The value of ``assert answer_<question> == <literal>`` in a hidden block, if there is one."""
    for node in ast.walk(ast.parse(hidden)):
        test = node.test if isinstance(node, ast.Assert) else None
        if (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
                and test.left.id == f"answer_{question}" and len(test.ops) == 1
                and isinstance(test.ops[0], ast.Eq)
                and isinstance(test.comparators[0], ast.Constant)):
            return test.comparators[0].value
    return None


def reference_answers(notebook: Path) -> dict[str, object]:
    """Concept question → its fixed answer, from a source notebook's hidden tests."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    answers: dict[str, object] = {}
    for cell in cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        question = meta.get("grade_id", "").split("_")[0]
        if not meta.get("grade") or not _CONCEPT.match(question):
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for hidden in _HIDDEN.findall(source):
            answer = _reference_answer(question, hidden)
            if answer is not None and normalized(answer) is not None:
                answers[question] = answer
    return answers


def build(course_root: Path | str) -> dict[str, dict]:
    """The table for every lab in ``course_root``/source: lab → {"salt", "answers": {q: digest}}."""
    table: dict[str, dict] = {}
    for folder in sorted(Path(course_root, "source").iterdir()):
        notebook = folder / f"{folder.name}.ipynb"
        if not notebook.is_file():
            continue
        answers = reference_answers(notebook)
        if answers:
            lab_salt = salt(folder.name)
            table[folder.name] = {"salt": lab_salt, "answers": {
                q: digest(folder.name, q, a, lab_salt) for q, a in sorted(answers.items())}}
    return table


def value_specs(lab: str, hints_dir: Path = HINTS_DIR) -> dict[str, dict]:
    """Coding question → {"name", "decimals"} for the questions keyed by a fixed value."""
    path = hints_dir / f"{lab}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        table = tomllib.load(handle)
    return {q: {"name": entry["value"], "decimals": int(entry.get("decimals", 4))}
            for q, entry in table.items() if "value" in entry}


def value_digest(lab: str, question: str, value: object, decimals: int,
                 lab_salt: str | None = None) -> str | None:
    text = rounded(value, decimals)
    if text is None:
        return None
    return hashlib.sha256(f"{lab_salt or salt(lab)}:{lab}:{question}:{text}".encode()).hexdigest()


def reference_values(course_root: Path | str, lab: str) -> dict[str, object]:
    """Each keyed coding value of ``lab``, from running its source notebook (solutions in) up to
    the last keyed question: code cells only, grade cells and ``check`` cells skipped."""
    import nbformat
    from nbclient import NotebookClient

    specs = value_specs(lab)
    notebook = nbformat.read(Path(course_root, "source", lab, f"{lab}.ipynb"), as_version=4)
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id", "") for c in notebook.cells]
    last = max(i for i, grade_id in enumerate(ids) if grade_id in specs)
    cells = [c for c in notebook.cells[:last + 1] if c.cell_type == "code"
             and not c.get("metadata", {}).get("nbgrader", {}).get("grade")
             and not c.source.lstrip().startswith("check(")]
    names = {q: spec["name"] for q, spec in specs.items()}
    read = nbformat.v4.new_code_cell(
        "import json as _json\nprint(_json.dumps({q: float(globals()[n]) for q, n in "
        f"{names!r}.items()}}))")
    notebook.cells = [*cells, read]
    folder = str(Path(course_root, "source", lab))
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": folder}}).execute()
    return json.loads(read.outputs[-1]["text"])


def with_values(table: dict[str, dict], course_root: Path | str, labs: list[str]) -> dict:
    """``table`` with the keyed values of ``labs`` computed again (the rest kept as they are)."""
    for lab in labs:
        specs = value_specs(lab)
        entry = table.setdefault(lab, {"salt": salt(lab), "answers": {}})
        values = reference_values(course_root, lab) if specs else {}
        entry["values"] = {q: {**spec, "digest": value_digest(lab, q, values[q], spec["decimals"],
                                                              entry["salt"])}
                           for q, spec in specs.items()}
        if not entry["values"]:
            del entry["values"]
    return table


def dumps(table: dict[str, dict]) -> str:
    lines = [_HEADER]
    for lab, entry in table.items():
        lines.append(f'\n["{lab}"]\nsalt = "{entry["salt"]}"\n\n["{lab}".answers]\n')
        lines += [f'{q} = "{d}"\n' for q, d in entry["answers"].items()]
        for q, spec in entry.get("values", {}).items():
            lines.append(f'\n["{lab}".values.{q}]\nname = "{spec["name"]}"\n'
                         f'decimals = {spec["decimals"]}\ndigest = "{spec["digest"]}"\n')
    return "".join(lines)


@cache
def load(path: Path = TABLE) -> dict[str, dict]:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def known(lab: str, question: str) -> bool:
    return question in load().get(lab, {}).get("answers", {})


def keyed_value(lab: str, question: str) -> dict | None:
    """{"name", "decimals", "digest"} when ``question`` is judged by a fixed value."""
    return load().get(lab, {}).get("values", {}).get(question)


def value_is_right(lab: str, question: str, value: object) -> bool:
    """Whether ``value`` rounds to the reference's (``keyed_value`` must hold); a value on the
    edge of a rounding step is compared on both sides of it."""
    spec, lab_salt = load()[lab]["values"][question], load()[lab]["salt"]
    if rounded(value, spec["decimals"]) is None:
        return False
    step = 0.5 * 10.0 ** -spec["decimals"]
    return any(value_digest(lab, question, float(value) + shift, spec["decimals"], lab_salt)
               == spec["digest"] for shift in (0.0, -step, step))


def is_right(lab: str, question: str, answer: object) -> bool:
    """Whether ``answer`` is the fixed answer of ``question`` (``known`` must hold)."""
    entry = load()[lab]
    return digest(lab, question, answer, entry["salt"]) == entry["answers"][question]


def answers_on(folders: list[Path]) -> bool:
    """False when a ``check.toml`` in one of ``folders`` says ``answers = false``."""
    for folder in folders:
        marker = folder / MARKER
        try:
            with marker.open("rb") as handle:
                if tomllib.load(handle).get("answers", True) is False:
                    return False
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return True


def mark_release(folder: Path, answers: bool) -> None:
    """After a release: ``check.toml`` in the released lab when right-or-wrong checking is off."""
    marker = folder / MARKER
    if answers:
        marker.unlink(missing_ok=True)
        return
    marker.write_text("# Written by `acelabs release`: nbgrader_config.py sets "
                      "c.Check.answers = False,\n# so check() keeps to the visible tests.\n"
                      "answers = false\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    """``[--values LAB ...]``: the concept keys from source/, keeping every lab's keyed values
    (and computing those of the labs named after ``--values`` again)."""
    options = argv[:argv.index("--values")] if "--values" in argv else argv
    if options:
        print(f"usage: python -m labs.answer_keys [--values LAB ...]\n{main.__doc__}",
              file=sys.stderr)
        raise SystemExit(0 if options in (["-h"], ["--help"]) else 2)
    root = Path(__file__).resolve().parents[1]
    labs = argv[argv.index("--values") + 1:] if "--values" in argv else []
    table = build(root)
    for lab, entry in load(TABLE).items():
        if lab in table and "values" in entry:
            table[lab]["values"] = entry["values"]
    TABLE.write_text(dumps(with_values(table, root, labs)), encoding="utf-8")
    print(f"wrote {TABLE}")


if __name__ == "__main__":
    main(sys.argv[1:])
