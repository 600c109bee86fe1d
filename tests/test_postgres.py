"""nbgrader's db_url on PostgreSQL: two `acelabs grade` processes grade two labs into one
gradebook at the same time, and every row is there exactly once."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from nbgrader.api import Gradebook

from autograde import pipeline, submissions
from tests import postgres_server, toy_course

pytestmark = pytest.mark.skipif(postgres_server.binaries() is None,
                                reason="PostgreSQL is not installed (apt-get install postgresql)")

STUDENTS = [f"student{i:02d}" for i in range(6)]


def test_two_concurrent_graders_fill_one_postgres_gradebook(tmp_path):
    with postgres_server.running() as url:
        toy = toy_course.released(tmp_path / "course",
                                  extra_config=f'\nc.CourseDirectory.db_url = "{url}"\n')
        source = toy.root / "source"
        (source / "toy2").mkdir()
        shutil.copyfile(source / "toy" / "toy.ipynb", source / "toy2" / "toy2.ipynb")
        pipeline.release(toy.course, ["toy2"])
        released2 = submissions.read(toy.root / "release" / "toy2" / "toy2.ipynb")
        expected = {}
        for number, student in enumerate(STUDENTS):
            right = number % 2 == 0  # even students answer q1, odd ones only c1
            answers = toy.answers if right else {"c1": toy.answers["c1"]}
            toy.hand_in(student, answers)
            submissions.write(submissions.fill(released2, answers),
                              toy.root / "submitted" / student / "toy2" / "toy2.ipynb")
            expected[student] = 3.0 if right else 1.0

        graders = [subprocess.Popen([sys.executable, "-m", "autograde.cli", "grade",
                                     "--lab", lab, "--jobs", "1"], cwd=toy.root,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for lab in ("toy", "toy2")]
        outputs = [grader.communicate(timeout=900) for grader in graders]
        for grader, (out, err) in zip(graders, outputs, strict=True):
            assert grader.returncode == 0, err[-3000:]
            assert f"{len(STUDENTS)} graded, 0 not graded" in out, out

        with Gradebook(url, toy.course.course_id) as gradebook:
            assert sorted(s.id for s in gradebook.students) == STUDENTS
            for lab in ("toy", "toy2"):
                graded = gradebook.assignment_submissions(lab)
                assert sorted(s.student.id for s in graded) == STUDENTS  # each exactly once
                for submission in graded:
                    assert submission.score == expected[submission.student.id], (
                        lab, submission.student.id)
                    [notebook] = submission.notebooks
                    assert sorted(g.name for g in notebook.grades) == ["c1_tests", "q1_tests"]
