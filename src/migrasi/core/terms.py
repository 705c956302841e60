"""The words of a plan as types: a system's status, why it is not in a wave, the dimensions.

Every status, reason and dimension migrasi writes is one of these members; their values are
the strings of plan.json (outputs.md), which never change with the language.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where the plan puts a system."""

    SCHEDULED = "scheduled"
    RETAINED = "retained"
    UNSCHEDULED = "unscheduled"
    DONE = "done"
    IN_PROGRESS = "in_progress"


class Reason(StrEnum):
    """The first rule that keeps a system out of a wave, in the order of planning.md's table."""

    STARTED = "started"
    PIN = "pin"
    NOT_BEFORE = "not_before"
    FREEZE = "freeze"
    PILOT = "pilot"
    GROUP = "group"
    DEPENDENCY = "dependency"
    PILOT_FULL = "pilot_full"
    CRITICAL = "critical"
    TEAM_DAYS = "team_days"
    TRANSFER_HOURS = "transfer_hours"
    CAPACITY = "capacity"
    NPV = "npv"


class Dimension(StrEnum):
    """A dimension of the Data Center's capacity."""

    VCPU = "vcpu"
    RAM_GB = "ram_gb"
    STORAGE_GB = "storage_gb"


class Mode(StrEnum):
    """How the waves were chosen."""

    HEURISTIC = "heuristic"
    EXACT = "exact"


class Standing(StrEnum):
    """Where a planned system stands against the baseline (progress.md), in the order the
    first that applies is chosen."""

    REMOVED = "removed"
    ADDED = "added"
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    UNSCHEDULED = "unscheduled"
    ON_TRACK = "on_track"
    DELAYED = "delayed"


class MovedBecause(StrEnum):
    """Why a system's wave differs from the earlier plan's (``plan --keep``, planning.md)."""

    RECORDED = "recorded"
    NEW = "new"
    CHANGED_GROUP = "changed_group"
    STARTED = "started"
    NO_LONGER_FITS = "no_longer_fits"
    GAIN = "gain"
