"""The cgroups a box is bounded by, in either layout the kernel may offer.

This machine has cgroup v1 controllers, where `tests/test_warm_kernels.py` checks that the
limits hold; for v2 these tests check the groups and limit files planned on a copy of its
layout.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from autograde import sandbox


def test_v1_plans_one_group_per_controller(tmp_path: Path):
    plan = dict(sandbox._cgroup_plan(tmp_path, "acelabs-1-ab", processes=64, cpus=0.5,
                                     memory_mb=512))
    assert plan == {
        tmp_path / "pids" / "acelabs-1-ab": {"pids.max": "64"},
        tmp_path / "cpu" / "acelabs-1-ab": {"cpu.cfs_period_us": "100000",
                                            "cpu.cfs_quota_us": "50000"},
        tmp_path / "cpuacct" / "acelabs-1-ab": {},
        tmp_path / "memory" / "acelabs-1-ab": {"memory.limit_in_bytes": str(512 * 2**20)},
    }


def test_v2_plans_one_group_and_passes_the_controllers_down(tmp_path: Path, monkeypatch):
    (tmp_path / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    written = []
    control = tmp_path / "cgroup.subtree_control"
    original_write = Path.write_text

    def record(path: Path, text: str, *args, **kwargs):
        if path == control:
            written.append(text)
        return original_write(path, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", record)
    plan = sandbox._cgroup_plan(tmp_path, "acelabs-1-ab", processes=64, cpus=2.0, memory_mb=512)
    assert plan == [(tmp_path / "acelabs-1-ab", {"pids.max": "64", "cpu.max": "200000 100000",
                                                 "memory.max": str(512 * 2**20)})]
    assert written == ["+pids", "+cpu", "+memory"]


def test_v2_limits_are_written_and_the_command_joins_the_group(tmp_path: Path, monkeypatch):
    (tmp_path / "cgroup.controllers").write_text("cpu memory pids\n")
    monkeypatch.setattr(sandbox, "CGROUP_ROOT", tmp_path)
    monkeypatch.setattr(sandbox, "_remove_cgroup", lambda group: None)
    with sandbox.cgroup_bounds(["true"], processes=8, cpus=1.0, memory_mb=256) as argv:
        [group] = [p for p in tmp_path.iterdir() if p.name.startswith("acelabs-")]
        assert (group / "pids.max").read_text() == "8"
        assert (group / "cpu.max").read_text() == "100000 100000"
        assert (group / "memory.max").read_text() == str(256 * 2**20)
    assert str(group) in argv and argv[-1] == "true"


def test_the_cpu_account_is_read_in_either_layout(tmp_path: Path):
    v1, v2 = tmp_path / "cpuacct" / "acelabs-1-ab", tmp_path / "acelabs-1-ab"
    for group in (v1, v2):
        group.mkdir(parents=True)
    (v1 / "cpuacct.usage").write_text("2500000000\n")
    (v2 / "cpu.stat").write_text("usage_usec 1500000\nuser_usec 1000000\n")
    assert sandbox.cpu_seconds((tmp_path / "pids", v1)) == 2.5
    assert sandbox.cpu_seconds((v2,)) == 1.5
    assert sandbox.cpu_seconds((tmp_path / "pids",)) is None


def test_where_no_cgroup_can_be_made_the_grader_says_so(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sandbox, "bubblewrap", lambda: "/usr/bin/bwrap")
    monkeypatch.setattr(sandbox, "CGROUP_ROOT", tmp_path / "no-cgroups-here")
    assert not sandbox.cgroups_work()
    [alert] = sandbox.alerts()
    assert alert.startswith("LIMITS REDUCED")


@pytest.mark.skipif(not os.access(sandbox.CGROUP_ROOT / "pids", os.W_OK)
                    and not os.access(sandbox.CGROUP_ROOT / "cgroup.procs", os.W_OK),
                    reason="needs a writable cgroup hierarchy")
def test_where_cgroups_can_be_made_the_probe_leaves_none_behind():
    assert sandbox.cgroups_work()
    mine = f"acelabs-{os.getpid()}-*"
    assert not [*sandbox.CGROUP_ROOT.glob(mine), *sandbox.CGROUP_ROOT.glob(f"*/{mine}")]
