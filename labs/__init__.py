"""Ace ML Labs: the learner-side package imported inside the lab notebooks."""
