"""When the terminal app's code started loading (imported first by the package)."""

import time

START_TIME = time.perf_counter()
