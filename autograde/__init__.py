"""Ace ML Labs' instructor side: release, grade, feedback and export on top of nbgrader."""


class AcelabsError(Exception):
    """An error the CLI reports as one line, with a non-zero exit."""
