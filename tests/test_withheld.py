"""labs.withheld: while the grader runs a learner's function, no row of the notebook is in reach
— by any name, or kept by its functions — and everything is put back afterwards."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

from labs import withheld


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    yield shell
    shell.reset()


def run(shell, code: str):
    result = shell.run_cell(code)
    result.raise_error()


def test_every_name_that_holds_rows_is_withheld_and_put_back(shell):
    shell.user_ns["test"] = pd.DataFrame({"x": np.arange(60.0)})
    run(shell, "import numpy as np\n_X_test = test.to_numpy()\ny_test = test['x'].to_numpy()\n"
               "both = (test, 1)\nGRID = np.logspace(-3, 3, 50)\n"
               "def peek(name):\n    return len(globals()[name])")
    for name in ("test", "_X_test", "y_test", "both"):
        with pytest.raises(RuntimeError, match=f"`{name}` is withheld"):
            withheld.call(shell.user_ns["peek"], name)
    assert withheld.call(shell.user_ns["peek"], "GRID") == 50  # a constant, not rows
    assert len(shell.user_ns["_X_test"]) == 60 and shell.user_ns["both"][1] == 1


def test_rows_kept_by_defaults_closures_and_classes_are_withheld(shell):
    shell.user_ns["test"] = pd.DataFrame({"x": np.arange(60.0)})
    run(shell, "def by_default(rows, held=test):\n    return len(held)\n"
               "def by_keyword(rows, *, held=test):\n    return len(held)\n"
               "def factory(held):\n    def inner(rows):\n        return len(held)\n"
               "    return inner\n"
               "by_closure = factory(test.to_numpy())\n"
               "class Model:\n    held = test\n    def fit(self, rows):\n"
               "        return len(self.held)\n")
    ns = shell.user_ns
    for function in (ns["by_default"], ns["by_keyword"], ns["by_closure"], ns["Model"]().fit):
        with pytest.raises(RuntimeError, match="is withheld"):
            withheld.call(function, None)
        assert function(None) == 60  # put back


def test_fitted_models_are_withheld_only_when_asked(shell):
    run(shell, "from sklearn.linear_model import LinearRegression\n"
               "model = LinearRegression().fit([[0.0], [1.0]], [0.0, 1.0])\n"
               "def uses_model(rows):\n    return float(model.predict([[2.0]])[0])")
    assert withheld.call(shell.user_ns["uses_model"], None) == pytest.approx(2.0)
    with pytest.raises(RuntimeError, match="`model` is withheld"):
        withheld.call_without_models(shell.user_ns["uses_model"], None)
    assert withheld.call(shell.user_ns["uses_model"], None) == pytest.approx(2.0)


def test_the_rows_passed_in_and_the_learners_constants_stay_usable(shell):
    shell.user_ns["train"] = pd.DataFrame({"x": np.arange(80.0)})
    run(shell, "COLUMNS = ['x']\nSCALE = 2.0\n"
               "def fit(rows):\n    return float((rows[COLUMNS] * SCALE).sum().iloc[0])")
    rows = pd.DataFrame({"x": [1.0, 2.0]}, index=[7, 3])
    assert withheld.call(shell.user_ns["fit"], rows) == 6.0


def test_a_calendar_of_dates_is_a_constant_not_rows(shell):
    run(shell, "import pandas as pd\nfrom pandas.tseries.holiday import USFederalHolidayCalendar\n"
               "HOLIDAYS = USFederalHolidayCalendar().holidays('2001-01-01', '2016-12-31')\n"
               "DAYS = pd.Series(pd.date_range('2001-01-01', periods=300))\n"
               "def holidays_in(rows):\n    return int(rows.isin(HOLIDAYS).sum() + 0 * len(DAYS))")
    rows = pd.Series(pd.to_datetime(["2001-01-01", "2001-01-02"]))
    assert withheld.call(shell.user_ns["holidays_in"], rows) == 1
