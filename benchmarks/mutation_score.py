"""Mutation score of each lab's hidden tests: how many ML-aware mutants of the reference lose
points when graded through the real path.

Each mutant changes one place of one solution cell of the reference, the way a plausible mistake
would: fit on the wrong rows (train and test swapped), drop a ``.copy()``, shuffle a
time-ordered split, an off-by-one in a shift, lag or window, drop a seed, round predictions,
drop a normalisation (a scaler, or a division), the wrong axis, drop a log transform or a square
root, drop class weights, ``handle_unknown`` or stratification, the best choice made the worst
(argmin for argmax), the mean for the median, the other class's probability column, a sort order
flipped, an index reset or a conversion to positions left out (pandas then aligns by label),
missing values left unhandled, and the classic comparison flips of mutation testing.
Every mutant is handed in as one student of a scratch course and graded by `pipeline.grade`;
a mutant is killed when it scores below the reference. Survivors are listed, to be killed with
a check or recorded as equivalent in the lab's tests/labs/<lab>/CONTRACT.md. Run from the root:

    .venv/bin/python benchmarks/mutation_score.py --labs 01 09 --max-per-lab 40
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograde import submissions  # noqa: E402
from autograde.course import Course  # noqa: E402
from tests.conftest import grade_class  # noqa: E402

Operator = Callable[[ast.AST], Iterator[tuple[str, ast.AST]]]
SPLIT_NAMES = {"train": "test", "X_train": "X_test", "y_train": "y_test"}
SCALERS = {"StandardScaler", "MinMaxScaler", "RobustScaler", "MaxAbsScaler", "Normalizer"}
LOGS = {"log", "log10", "log1p", "log2", "exp", "expm1"}
FLIPS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}


@dataclass
class Mutant:
    cell: str
    operator: str
    where: str
    source: str

    @property
    def name(self) -> str:
        return f"m_{self.cell}_{self.operator}_{self.where}".replace(" ", "")[:120]


def _sites(tree: ast.AST, match: Callable[[ast.AST], bool]
           ) -> Iterator[tuple[int, ast.AST, ast.AST]]:
    """Each node of ``tree`` that ``match`` picks, as (index, a copy of the tree and that node
    in the copy) — so one mutant changes one place."""
    nodes = [n for n in ast.walk(tree) if match(n)]
    for index in range(len(nodes)):
        twin = copy.deepcopy(tree)
        yield index, twin, [n for n in ast.walk(twin) if match(n)][index]


def _call_name(node: ast.AST) -> str:
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def swap_train_test(tree):
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.Name) and n.id in SPLIT_NAMES
                                and isinstance(n.ctx, ast.Load)):
        node.id = SPLIT_NAMES[node.id]
        yield f"{i}", twin


def drop_copy(tree):
    for i, twin, node in _sites(tree, lambda n: _call_name(n) == "copy" and not n.args
                                and isinstance(n.func, ast.Attribute)):
        _replace(twin, node, node.func.value)
        yield f"{i}", twin


def shuffle_split(tree):
    for i, twin, node in _sites(tree, lambda n: _call_name(n) == "TimeSeriesSplit"):
        _replace(twin, node, ast.parse(
            "__import__('sklearn.model_selection').model_selection.KFold(5, shuffle=True, "
            "random_state=0)", mode="eval").body)
        yield f"tss{i}", twin
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.keyword)
                                and n.arg == "shuffle" and isinstance(n.value, ast.Constant)):
        node.value = ast.Constant(not node.value.value)
        yield f"kw{i}", twin


def off_by_one(tree):
    def match(n):
        return (_call_name(n) in {"shift", "diff", "rolling", "head", "tail", "lag"}
                and n.args and isinstance(n.args[0], ast.Constant)
                and isinstance(n.args[0].value, int))
    for delta in (1, -1):
        for i, twin, node in _sites(tree, match):
            node.args[0] = ast.Constant(node.args[0].value + delta)
            yield f"{i}{delta:+d}", twin


def drop_keyword(names: set[str]) -> Operator:
    def operator(tree):
        for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.Call)
                                    and any(k.arg in names for k in n.keywords)):
            node.keywords = [k for k in node.keywords if k.arg not in names]
            yield f"{i}", twin
    return operator


def round_predictions(tree):
    rounder = "__import__('numpy').round"
    for i, twin, function in _sites(tree, lambda n: isinstance(n, ast.FunctionDef)
                                    and "predict" in n.name):
        returns = [n for n in ast.walk(function) if isinstance(n, ast.Return) and n.value]
        for ret in returns:
            ret.value = ast.Call(ast.parse(rounder, mode="eval").body, [ret.value], [])
        if returns:
            yield f"{i}", twin


def drop_scaling(tree):
    for i, twin, node in _sites(tree, lambda n: _call_name(n) in SCALERS):
        _replace(twin, node, ast.parse(
            "__import__('sklearn.preprocessing').preprocessing.FunctionTransformer()",
            mode="eval").body)
        yield f"{i}", twin


def wrong_axis(tree):
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.keyword) and n.arg == "axis"
                                and isinstance(n.value, (ast.Constant, ast.UnaryOp))):
        value = ast.literal_eval(node.value)
        node.value = ast.Constant(0 if value in (1, -1) else 1)
        yield f"{i}", twin


def drop_log(tree):
    def match(n):
        return _call_name(n) in LOGS and len(n.args) == 1
    for i, twin, node in _sites(tree, match):
        _replace(twin, node, node.args[0])
        yield f"{i}", twin
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.BinOp)
                                and isinstance(n.op, ast.Pow) and isinstance(n.left, ast.Constant)):
        _replace(twin, node, node.right)
        yield f"pow{i}", twin


def flip_comparison(tree):
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.Compare)
                                and type(n.ops[0]) in FLIPS):
        node.ops[0] = FLIPS[type(node.ops[0])]()
        yield f"{i}", twin


def drop_method(names: set[str]) -> Operator:
    """``x.name(...)`` (or the attribute ``x.values``) becomes ``x``: a step left out."""
    def operator(tree):
        def match(n):
            return ((_call_name(n) in names and isinstance(n.func, ast.Attribute))
                    or (isinstance(n, ast.Attribute) and n.attr in names
                        and isinstance(n.ctx, ast.Load) and n.attr == "values"))
        for i, twin, node in _sites(tree, match):
            _replace(twin, node, node.func.value if isinstance(node, ast.Call) else node.value)
            yield f"{i}", twin
    return operator


def swap_calls(pairs: dict[str, str]) -> Operator:
    """A call of one name becomes its opposite (argmin for argmax, median for mean …)."""
    both = {**pairs, **{b: a for a, b in pairs.items()}}

    def operator(tree):
        for i, twin, node in _sites(tree, lambda n: _call_name(n) in both):
            if isinstance(node.func, ast.Attribute):
                node.func.attr = both[node.func.attr]
            else:
                node.func.id = both[node.func.id]
            yield f"{i}", twin
    return operator


def drop_sqrt(tree):
    for i, twin, node in _sites(tree, lambda n: _call_name(n) == "sqrt" and len(n.args) == 1):
        _replace(twin, node, node.args[0])
        yield f"{i}", twin


def drop_division(tree):
    """``a / b`` becomes ``a`` where ``b`` is computed (a normalisation left out)."""
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.BinOp)
                                and isinstance(n.op, ast.Div)
                                and not isinstance(n.right, ast.Constant)):
        _replace(twin, node, node.left)
        yield f"{i}", twin


def other_column(tree):
    """``p[:, 1]`` becomes ``p[:, 0]``: the other class's probability."""
    def match(n):
        return (isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple)
                and len(n.slice.elts) == 2 and isinstance(n.slice.elts[0], ast.Slice)
                and isinstance(n.slice.elts[1], ast.Constant)
                and n.slice.elts[1].value in (0, 1))
    for i, twin, node in _sites(tree, match):
        node.slice.elts[1] = ast.Constant(1 - node.slice.elts[1].value)
        yield f"{i}", twin


def flip_ascending(tree):
    for i, twin, node in _sites(tree, lambda n: isinstance(n, ast.keyword)
                                and n.arg in ("ascending", "reverse")
                                and isinstance(n.value, ast.Constant)):
        node.value = ast.Constant(not node.value.value)
        yield f"{i}", twin


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if item is old:
                        value[index] = new


OPERATORS: dict[str, Operator] = {
    "swap_train_test": swap_train_test, "drop_copy": drop_copy, "shuffle_split": shuffle_split,
    "off_by_one": off_by_one, "drop_seed": drop_keyword({"random_state", "seed"}),
    "round_predictions": round_predictions, "drop_scaling": drop_scaling,
    "wrong_axis": wrong_axis, "drop_log": drop_log,
    "drop_class_weight": drop_keyword({"class_weight", "sample_weight"}),
    "drop_handle_unknown": drop_keyword({"handle_unknown"}),
    "drop_stratify": drop_keyword({"stratify"}), "flip_comparison": flip_comparison,
    "best_is_worst": swap_calls({"argmin": "argmax", "idxmin": "idxmax", "min": "max",
                                 "nsmallest": "nlargest"}),
    "mean_for_median": swap_calls({"mean": "median"}),
    "drop_index_reset": drop_method({"reset_index", "sort_index", "sort_values"}),
    "drop_to_positions": drop_method({"to_numpy", "values"}),
    "drop_missing_handling": drop_method({"fillna", "dropna"}),
    "drop_sqrt": drop_sqrt, "drop_division": drop_division, "other_column": other_column,
    "flip_ascending": flip_ascending,
}


class _Unprinted(ast.NodeTransformer):
    """The code without its ``print(...)`` statements."""

    def visit_Expr(self, node: ast.Expr) -> ast.AST | None:
        return None if _call_name(node.value) == "print" else node


def _without_prints(tree: ast.AST) -> str:
    return ast.unparse(_Unprinted().visit(copy.deepcopy(tree)))


def mutants(reference: dict[str, str]) -> list[Mutant]:
    """Every single-place mutant of every solution cell of the reference, except those that only
    change what a ``print`` shows (equivalent by construction)."""
    found: list[Mutant] = []
    for cell, code in reference.items():
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        original, silent = ast.unparse(tree), _without_prints(tree)
        for name, operator in OPERATORS.items():
            for where, twin in operator(tree):
                source = ast.unparse(ast.fix_missing_locations(twin))
                if source != original and _without_prints(twin) != silent:
                    found.append(Mutant(cell, name, where, source))
    return found


def score_lab(course: Course, lab: str, limit: int, workdir: Path) -> dict:
    name = f"{lab}.ipynb"
    source = submissions.read(course.path("source") / lab / name)
    released = submissions.read(course.path("release") / lab / name)
    reference = submissions.reference_answers(source)
    chosen = mutants(reference)[:limit]
    notebooks = {"reference": submissions.fill(released, reference)}
    for mutant in chosen:
        mutated = {**reference, mutant.cell: mutant.source}
        notebooks[mutant.name] = submissions.fill(released, mutated)
    scores = grade_class(course, workdir, lab, notebooks)
    full = sum(s for s, _ in scores["reference"].values())
    rows = []
    for mutant in chosen:
        total = sum(s for s, _ in scores[mutant.name].values())
        lost = sorted(c for c, (s, m) in scores[mutant.name].items() if s < m)
        rows.append({"mutant": mutant.name, "operator": mutant.operator, "cell": mutant.cell,
                     "killed": total < full, "lost": lost})
    return {"lab": lab, "reference": full, "mutants": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labs", nargs="*", help="labs (default: all)")
    parser.add_argument("--max-per-lab", type=int, default=60)
    parser.add_argument("--json", type=Path, help="also write every mutant's result here")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    course = Course.load(Path.cwd())
    results = []
    print(f"{'lab':<32} {'mutants':>7} {'killed':>7} {'score':>6}")
    for lab in course.select(args.labs):
        with tempfile.TemporaryDirectory() as tmp:
            result = score_lab(course, lab, args.max_per_lab, Path(tmp))
        results.append(result)
        rows = result["mutants"]
        killed = sum(r["killed"] for r in rows)
        score = f"{killed / len(rows):.0%}" if rows else "—"
        print(f"{lab:<32} {len(rows):>7} {killed:>7} {score:>6}")
        for row in rows:
            if not row["killed"]:
                print(f"    survived: {row['mutant']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
