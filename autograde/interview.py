"""Mock interviews: one coding task and a few concept questions drawn across the labs, timed.

An interview notebook is an nbgrader assignment built from the labs' own source cells: the
setup of the task's lab, the reference code of the questions before the task (given, so the
task stands alone), the task with its visible and hidden tests, and concept questions from
other labs (renamed k1, k2 … so they cannot clash). Which cells were drawn, the time limit and
the start time are kept in the notebook's metadata; `acelabs check` rebuilds the same source
from them and grades the notebook like any lab. A locked clock cell under the header puts the
kernel in the interview (``labs.mock``): it shows the time left, ``check`` knows the k
questions, and hints and solutions wait until the time is up.
"""

from __future__ import annotations

import copy
import random
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nbformat import NotebookNode

from autograde import AcelabsError, authoring, pipeline, submissions
from autograde.course import Course
from labs import catalog, mock, progress

NAME = "interview"
METADATA_KEY = "acelabs"


@dataclass(frozen=True)
class Draw:
    """What one interview asks: the coding task and the concept questions, by lab and id."""

    seed: int
    minutes: int
    task: tuple[str, str]
    concepts: tuple[tuple[str, str], ...]

    def as_metadata(self, started: datetime) -> dict:
        return {"interview": {"seed": self.seed, "minutes": self.minutes,
                              "task": list(self.task),
                              "concepts": [list(c) for c in self.concepts],
                              "started": started.isoformat(timespec="seconds")}}

    @classmethod
    def from_metadata(cls, meta: dict) -> tuple[Draw, datetime]:
        try:
            info = meta[METADATA_KEY]["interview"]
            draw = cls(int(info["seed"]), int(info["minutes"]), tuple(info["task"]),
                       tuple(tuple(c) for c in info["concepts"]))
            return draw, datetime.fromisoformat(info["started"])
        except (KeyError, TypeError, ValueError) as error:
            raise AcelabsError(f"the interview's metadata is damaged ({error})") from None


def _sources(course: Course) -> dict[str, NotebookNode]:
    return {lab: submissions.read(course.path("source") / lab / f"{lab}.ipynb")
            for lab in course.labs() if lab in catalog.ids()}


def _grade_id(cell: NotebookNode) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def _questions(nb: NotebookNode, prefix: str) -> list[str]:
    return [q for q in submissions.solution_cells(nb) if q.startswith(prefix)]


def draw(course: Course, seed: int, minutes: int, concepts: int = 3) -> Draw:
    """Pick a coding task from one lab and concept questions from others, reproducibly."""
    sources = _sources(course)
    rng = random.Random(seed)
    tasks = [(lab, q) for lab, nb in sources.items() for q in _questions(nb, "q")]
    if not tasks:
        raise AcelabsError("no lab has a coding question to draw from")
    task = rng.choice(tasks)
    pool = [(lab, c) for lab, nb in sources.items() if lab != task[0]
            for c in _questions(nb, "c")]
    picked = tuple(sorted(rng.sample(pool, min(concepts, len(pool))),
                          key=lambda item: (item[0], item[1])))
    return Draw(seed, minutes, task, picked)


def _parts(nb: NotebookNode, question: str) -> tuple[NotebookNode | None, NotebookNode,
                                                     list[NotebookNode]]:
    """A question's prompt (the markdown before it), its solution cell and its test cells."""
    cells = nb.cells
    index = next(i for i, c in enumerate(cells) if _grade_id(c) == question)
    prompt = next((c for c in reversed(cells[:index]) if c.cell_type == "markdown"), None)
    tests = [c for c in cells[index + 1:] if _grade_id(c).startswith(f"{question}_")]
    return prompt, cells[index], tests


def _renamed(cell: NotebookNode, old: str, new: str) -> NotebookNode:
    cell = copy.deepcopy(cell)
    cell.source = mock.renamed(cell.source, old, new)
    if "nbgrader" in cell.metadata:
        grade_id = cell.metadata.nbgrader.grade_id.replace(old, new, 1)
        cell.metadata.nbgrader.grade_id = grade_id
        cell.id = grade_id
    return cell


def _concept_prompt(cell: NotebookNode, old: str, new: str) -> NotebookNode:
    """The question's own text, without the lab's section heading above it."""
    text = "\n".join(line for line in cell.source.splitlines() if not line.startswith("## "))
    text = re.sub(rf"\*\*{old.upper()}\.\*\*", f"**{new.upper()}.**", text)
    return authoring.markdown(re.sub(rf"\banswer_{old}\b", f"answer_{new}", text).strip())


def _before(nb: NotebookNode, question: str) -> list[NotebookNode]:
    """The lab as it stands when the task begins: its locked code cells (setup, figures, given
    code) and, as given code, the reference answers of the coding questions before the task."""
    answers = submissions.reference_answers(nb)
    cells = []
    for cell in nb.cells:
        grade_id = _grade_id(cell)
        if grade_id == question:
            break
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("grade"):
            continue
        if meta.get("solution"):
            if grade_id.startswith("q"):
                cells.append(authoring.code(answers[grade_id], f"given_{grade_id}"))
        elif meta.get("locked"):
            cells.append(copy.deepcopy(cell))
    return cells


def record_name(chosen: Draw) -> str:
    """The name an interview's checks, hints and grades are recorded under in progress."""
    return f"{NAME}-{chosen.seed}"


def _concept_names(chosen: Draw) -> dict[str, tuple[str, str]]:
    return {f"k{number}": concept for number, concept in enumerate(chosen.concepts, 1)}


def _header(chosen: Draw, started: datetime) -> NotebookNode:
    title = catalog.get(chosen.task[0]).title
    clock = mock.Interview(record_name(chosen), chosen.minutes, started, chosen.task)
    times = (f"{clock.started.astimezone():%H:%M}", f"{clock.ends.astimezone():%H:%M}")
    return authoring.markdown(
        f"# Mock interview · {chosen.minutes} minutes\n\n"
        f"**Started at {times[0]}, ends at {times[1]}** (this machine's time). The cell below "
        "shows the time left, and so does every `check(...)`.\n\n"
        f"One coding task (from *{title}*) and {len(chosen.concepts)} concept questions. "
        "No hints and no solutions while the clock runs: talk yourself through it as you would "
        "to an interviewer. When you are done, save the notebook and run `acelabs check` on it "
        "for your score and your time; after the end, `hint(...)` and `solution(...)` work "
        "again.")


def _clock_cell(chosen: Draw, started: datetime) -> NotebookNode:
    """The locked cell that puts the kernel in the interview and shows the time left."""
    concepts = "".join(f"\n              {name!r}: {origin!r},"
                       for name, origin in _concept_names(chosen).items())
    return authoring.code(
        "from labs.mock import interview\n\n"
        f"interview({record_name(chosen)!r}, minutes={chosen.minutes}, "
        f"started={started.isoformat(timespec='seconds')!r},\n"
        f"          task={chosen.task!r},\n"
        f"          concepts={{{concepts}\n          }})", "interview_clock")


def build_source(course: Course, chosen: Draw, started: datetime) -> NotebookNode:
    """The interview's instructor notebook: solutions and hidden tests included."""
    sources = _sources(course)
    lab, question = chosen.task
    if lab not in sources or question not in submissions.solution_cells(sources[lab]):
        raise AcelabsError(f"the interview asks for {lab} {question}, which does not exist")
    nb = sources[lab]
    cells = [_header(chosen, started), _clock_cell(chosen, started)]
    cells += _before(nb, question)
    prompt, solution, tests = _parts(nb, question)
    cells += [copy.deepcopy(c) for c in (prompt, solution, *tests) if c is not None]
    cells.append(authoring.markdown("## Concept questions (1 point each)"))
    for new, (concept_lab, concept) in _concept_names(chosen).items():
        prompt, solution, tests = _parts(sources[concept_lab], concept)
        if prompt is not None:
            cells.append(_concept_prompt(prompt, concept, new))
        cells += [_renamed(c, concept, new) for c in (solution, *tests)]
    for cell in cells:  # ids from authoring are per notebook; make them unique here
        if "nbgrader" not in cell.metadata:
            cell.pop("id", None)
    return authoring.notebook(cells)


def start(course: Course, workspace: Path, seed: int | None, minutes: int,
          now: datetime | None = None) -> Path:
    """Write a fresh interview notebook (the student version) into the workspace."""
    seed = seed if seed is not None else random.SystemRandom().randrange(10_000)
    chosen = draw(course, seed, minutes)
    started = (now or datetime.now(UTC)).replace(microsecond=0)
    target = workspace / f"{NAME}-{seed}" / f"{NAME}.ipynb"
    if target.parent.exists():
        raise AcelabsError(f"{target.parent} already exists: your interview there is kept "
                           "(pick another --seed)")
    with tempfile.TemporaryDirectory(prefix="acelabs-interview-") as tmp:
        scratch = course.relocated(Path(tmp))
        authoring.write(build_source(course, chosen, started),
                        scratch.path("source") / NAME / f"{NAME}.ipynb")
        pipeline.release(scratch, [NAME])
        released = submissions.read(scratch.path("release") / NAME / f"{NAME}.ipynb")
    released.metadata[METADATA_KEY] = chosen.as_metadata(started)
    progress.init(workspace)  # so that its checks and its grade are recorded there
    submissions.write(released, target)
    return target


def is_interview(nb: NotebookNode) -> bool:
    return "interview" in nb.metadata.get(METADATA_KEY, {})


def name_of(nb: NotebookNode) -> str:
    """The name an interview notebook's events are recorded under (see `record_name`)."""
    return record_name(Draw.from_metadata(nb.metadata)[0])


def prepare_grading(course: Course, nb: NotebookNode, scratch: Course) -> str:
    """Put the interview's source into ``scratch``; the assignment name to grade."""
    chosen, started = Draw.from_metadata(nb.metadata)
    authoring.write(build_source(course, chosen, started),
                    scratch.path("source") / NAME / f"{NAME}.ipynb")
    return NAME


def timing(nb: NotebookNode, now: datetime | None = None) -> str:
    """How long the interview took against its limit."""
    chosen, started = Draw.from_metadata(nb.metadata)
    taken = ((now or datetime.now(UTC)) - started).total_seconds() / 60
    verdict = ("within the limit" if taken <= chosen.minutes
               else f"{taken - chosen.minutes:.0f} min over the limit")
    return f"time: {taken:.0f} min of {chosen.minutes} ({verdict})"
