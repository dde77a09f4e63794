"""Indicator maths: reporting periods, confidence intervals, SPC, outcome measures and suppression."""
