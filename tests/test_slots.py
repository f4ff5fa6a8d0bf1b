"""Test sessions side by side: every checkout of the project on this machine (a clone, a git
worktree) claims slots from the same machine-wide locks, so no two sessions share ports."""

from __future__ import annotations

from hub.core.settings import PROJECT_ROOT
from tests.conftest import SLOT_LOCKS, Slot, _claim_slot


def test_a_second_session_gets_another_slot_from_machine_wide_locks(slot: Slot) -> None:
    assert not SLOT_LOCKS.is_relative_to(PROJECT_ROOT), "locks every checkout sees"
    other = _claim_slot()
    try:
        assert other.number != slot.number
        assert Slot(other.number, other.lock).port() != Slot(slot.number, slot.lock).port()
    finally:
        other.lock.close()
