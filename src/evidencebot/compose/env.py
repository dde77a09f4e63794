"""The one Jinja2 factory every narrative is rendered through.

* Templates are looked up in the user's ``<config dir>/templates`` first, then
  in the shipped ``templates/`` folder (:func:`evidencebot.locations.search_path`).
  A user template can extend or include the shipped one it replaces through
  the ``default:`` prefix: ``{% extends "default:tender_answer.md.j2" %}``.
* ``StrictUndefined``: a misspelt or missing variable is an error, reported as
  a :class:`~evidencebot.errors.ConfigError` naming the template, the line and
  the missing name, never a blank in a commissioner's document.
* ``keep_trailing_newline``; autoescaping only for ``.html`` templates.
* When the user has templates of their own, rendering uses
  ``ImmutableSandboxedEnvironment``: a template from a shared folder cannot reach
  Python internals or change the data it is given, and it cannot make the
  program run out of memory with a huge ``range()`` (Jinja's own limit), a
  ``'a' * 10**10``, a long ``+`` or a huge ``**``: each is a
  :class:`~evidencebot.errors.ConfigError` naming the template and the line.
* **Counts are published before a template sees them.** Unless the context
  says ``external = False`` (an internal review, ``--no-suppress``), the count
  summaries in it (:data:`COUNT_SUMMARIES`: activity, waits, escalations,
  safeguarding, partner communications, crisis plans, incident types) hold
  :class:`PublishedCount` values: "<5", a multiple of 5 or "0", the same text
  the shipped filters print. A template, the user's or ours, cannot print a
  raw count of 1-4 in an external document, and arithmetic or comparisons on
  a published count are refused (a ConfigError naming the template), so a
  loop of ``if count > i`` cannot recover it either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from evidencebot import locations
from evidencebot.compose import filters
from evidencebot.compose.filters import suppress
from evidencebot.config import load_settings
from evidencebot.errors import ConfigError

_ENVS: dict = {}

MAX_BUILT = 1_000_000
"""Longest string or list one ``*`` or ``+`` in a sandboxed template may build."""
MAX_POWER_BITS = 100_000
"""Largest integer (in bits) one ``**`` in a sandboxed template may build."""

_SEQUENCES = (str, bytes, list, tuple)
_sandbox_class = None


def _sandbox():
    """``ImmutableSandboxedEnvironment`` with ``*``, ``+`` and ``**`` bounded."""
    global _sandbox_class
    if _sandbox_class is not None:
        return _sandbox_class
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def too_big(size: int, what: str):
        return SecurityError(f"{what} would build {size:,} characters or items; the limit is {MAX_BUILT:,}")

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "+", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, _SEQUENCES) and isinstance(n, int) and n > 0 and len(seq) * n > MAX_BUILT:
                        raise too_big(len(seq) * n, "'*'")
            elif operator == "+":
                if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
                    size = len(left) + len(right)
                    if size > MAX_BUILT:
                        raise too_big(size, "'+'")
            elif operator == "**":
                if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
                    if right * abs(left).bit_length() > MAX_POWER_BITS:
                        raise SecurityError(f"'**' would build a number of about {right * abs(left).bit_length():,} "
                                            f"bits; the limit is {MAX_POWER_BITS:,}")
            return super().call_binop(context, operator, left, right)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
            _budget.tick()
            _check_growth(__obj, args, kwargs)
            return super().call(__context, __obj, *args, **kwargs)

        def getattr(self, obj, attribute):
            _budget.tick()
            return super().getattr(obj, attribute)

        def getitem(self, obj, argument):
            _budget.tick()
            return super().getitem(obj, argument)

    from jinja2.compiler import CodeGenerator

    class BoundedCodeGenerator(CodeGenerator):
        """``a ~ b`` goes through :func:`_bounded_text` (the sandbox cannot intercept it otherwise)."""

        def visit_Concat(self, node, frame):
            self.write("environment.bounded_text(")
            super().visit_Concat(node, frame)
            self.write(")")

    BoundedSandbox.code_generator_class = BoundedCodeGenerator
    BoundedSandbox.bounded_text = staticmethod(_bounded_text)
    _sandbox_class = BoundedSandbox
    return BoundedSandbox


# --- the time and size budget of a sandboxed render ---------------------------------

TIME_BUDGET_S = 10.0
"""A user template that renders longer than this is stopped (checked on every call,
attribute, item and loop step over ``range``)."""
MAX_WIDTH = MAX_BUILT
"""Widest padding or wrapping a filter or string method may be asked for."""


class _Budget:
    """The deadline of the render running on this thread (none outside a sandboxed render)."""

    def __init__(self):
        import threading

        self.local = threading.local()

    def start(self, seconds: float):
        import time

        self.local.deadline = time.monotonic() + seconds
        self.local.seconds = seconds
        self.local.count = 0

    def stop(self):
        self.local.deadline = None

    def tick(self):
        deadline = getattr(self.local, "deadline", None)
        if deadline is None:
            return
        self.local.count += 1
        if self.local.count % 256 == 0:
            import time

            if time.monotonic() > deadline:
                from jinja2.exceptions import SecurityError

                raise SecurityError(f"the template ran for more than {self.local.seconds:g} seconds")


_budget = _Budget()

MEMORY_BUDGET_MB = 512
"""The most memory a user template's render may add (the child's address space is capped)."""
MAX_OUTPUT_MB = 64
"""The largest rendered text a child may send back."""


def budgets() -> tuple[float, int]:
    """(seconds, MB) for one user template: ``[limits] template_seconds`` and ``template_mb``."""
    try:
        limits = load_settings().limits
        return float(limits.template_seconds), int(limits.template_mb)
    except ConfigError:
        return TIME_BUDGET_S, MEMORY_BUDGET_MB


def _cap_memory(mb: int) -> None:
    """In the child: no more than ``mb`` MB beyond what the process already maps."""
    import os
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            mapped = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        mapped = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    limit = mapped + mb * 1_048_576
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


_T = TypeVar("_T")


def _in_child(work: Callable[[], _T], name: str, seconds: float, mb: int) -> _T:
    """Run ``work()`` (a render returning text or raising ConfigError) in a forked child with
    an address-space cap of ``mb`` MB more than now, and stop it after ``seconds`` (plus one
    second for the render's own budget to report first). Any way the child fails is a
    one-line ConfigError naming the template; a bug inside it stays a bug (RuntimeError)."""
    import os
    import pickle
    import select
    import signal
    import time

    if not hasattr(os, "fork"):  # no fork (Windows): the in-process budget only
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send (kind, value) back, leave without running any clean-up
        code = 0
        try:
            os.close(read_end)
            try:
                _cap_memory(mb)
                result = ("ok", work())
            except ConfigError as exc:
                result = ("config", str(exc))
            except MemoryError:
                result = ("config", f"template {name}: too large to render (more than its {mb} MB of memory)")
            except BaseException as exc:  # noqa: BLE001 - reported to the parent as a bug
                result = ("bug", f"{type(exc).__name__}: {exc}"[:2000])
            data = pickle.dumps(result)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
        except BaseException:  # noqa: BLE001 - nothing can be reported; the parent sees no answer
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + seconds + 1.0
    stopped = None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                stopped = (f"template {name}: stopped after {seconds:g} second{'' if seconds == 1 else 's'} "
                           "(the limit for a template; [limits] template_seconds in config.toml)")
                break
            ready, _, _ = select.select([read_end], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_OUTPUT_MB * 1_048_576:
                stopped = f"template {name}: stopped: it produced more than {MAX_OUTPUT_MB} MB of text"
                break
    finally:
        os.close(read_end)
        if stopped:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    if stopped:
        raise ConfigError(stopped)
    try:
        kind, value = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - no (complete) answer: the child died
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.waitstatus_to_exitcode(status)}"
        raise ConfigError(f"template {name}: stopped ({how}): it needed more than its {mb} MB of memory "
                          "or crashed; [limits] template_mb in config.toml") from None
    if kind == "ok":
        return value
    if kind == "config":
        raise ConfigError(value)
    raise RuntimeError(f"template {name}: {value}")


def _too_wide(size, what: str):
    from jinja2.exceptions import SecurityError

    return SecurityError(f"{what} would build {size:,} characters; the limit is {MAX_BUILT:,}")


def _bounded_text(text):
    if len(text) > MAX_BUILT:
        raise _too_wide(len(text), "'~'")
    return text


_WIDTH_METHODS = {"ljust", "rjust", "center", "zfill", "expandtabs"}
_FORMAT_WIDTH = re.compile(r"\d{7,}")


def _check_growth(obj, args, kwargs) -> None:
    """Refuse str methods that would build a huge string (``'x'.ljust(10**9)``)."""
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, (str, bytes)):
        return
    if name in _WIDTH_METHODS:
        for a in (*args, *kwargs.values()):
            if isinstance(a, int) and a > MAX_WIDTH:
                raise _too_wide(a, f"'{name}'")
    elif name in ("format", "format_map") and _FORMAT_WIDTH.search(owner if isinstance(owner, str) else ""):
        from jinja2.exceptions import SecurityError

        raise SecurityError("'format' with a width of a million or more characters is not allowed")
    elif name == "join":
        items = args[0] if args else ()
        if isinstance(items, (list, tuple)):
            size = sum(len(i) for i in items if isinstance(i, (str, bytes))) + len(owner) * max(len(items) - 1, 0)
            if size > MAX_BUILT:
                raise _too_wide(size, "'join'")
    elif name == "replace" and len(args) >= 2 and isinstance(args[1], str) and isinstance(args[0], str) and args[0]:
        size = len(owner) + owner.count(args[0]) * max(len(args[1]) - len(args[0]), 0)
        if size > MAX_BUILT:
            raise _too_wide(size, "'replace'")


def _install_bounded_globals(env) -> None:
    """Budgeted ``range`` and ``lipsum``, and filters that cannot build huge strings."""
    from jinja2 import filters as jf
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import safe_range

    def budget_range(*args):
        for i in safe_range(*args):
            _budget.tick()
            yield i

    def lipsum(n=5, html=True, min=20, max=100):  # noqa: A002 - Jinja's names
        if n > 50 or max > 1000:
            raise SecurityError("lipsum() is limited to 50 paragraphs of at most 1,000 words")
        from jinja2.utils import generate_lorem_ipsum

        return generate_lorem_ipsum(n=n, html=html, min=min, max=max)

    def width_filter(original, name):
        def bounded(value, *args, **kwargs):
            for a in (*args, *kwargs.values()):
                if isinstance(a, int) and a > MAX_WIDTH:
                    raise _too_wide(a, f"'{name}'")
            if name == "format" and isinstance(value, str) and _FORMAT_WIDTH.search(value):
                raise SecurityError("'format' with a width of a million or more characters is not allowed")
            result = original(value, *args, **kwargs)
            if isinstance(result, str) and len(result) > MAX_BUILT:
                raise _too_wide(len(result), f"'{name}'")
            return result

        bounded.__name__ = original.__name__
        for attr in ("jinja_pass_arg",):
            if hasattr(original, attr):
                setattr(bounded, attr, getattr(original, attr))
        return bounded

    env.globals["range"] = budget_range
    env.globals["lipsum"] = lipsum
    for name in ("center", "indent", "wordwrap", "format", "join", "replace", "truncate"):
        original = env.filters.get(name) or getattr(jf, f"do_{name}", None)
        if original is not None:
            env.filters[name] = width_filter(original, name)


# --- published counts ------------------------------------------------------------------

COUNT_SUMMARIES = ("activity", "activity_previous", "waits", "esc", "safeguarding", "partners", "plans",
                   "incident_types", "log")
"""Context entries that hold counts of people or events (whole numbers inside them are counts)."""
NOT_COUNTS = frozenset({"plan", "median_days", "longest_days", "median_hours_to_review", "learning"})
"""Names inside those entries that are not counts (contracted plan figures, days, hours, the learning table)."""


def _refuse(self, *args):
    from jinja2.exceptions import SecurityError

    raise SecurityError(f"a published count ({str.__str__(self)!r}) is text for an external document: it cannot "
                        "be added, multiplied or compared; print it as it is")


class PublishedCount(str):
    """A count as an external document may show it: "<5", a multiple of 5, or "0".

    It prints as that text and is false only when zero; it refuses arithmetic
    and ordering (``+ - * / % < > <= >=``, ``float()``, ``int()``), so the exact
    count cannot be worked out inside a template.
    """

    def __new__(cls, n: int):
        return super().__new__(cls, suppress(n))

    def __bool__(self):
        return str.__str__(self) != "0"

    def __eq__(self, other):
        return str.__eq__(self, str(other) if isinstance(other, int) and not isinstance(other, bool) else other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = __int__ = __float__ = __index__ = _refuse


def _published(value, depth: int = 0):
    import dataclasses

    if depth > 8 or isinstance(value, (bool, float, str)) or value is None:
        return value
    if isinstance(value, int):
        return PublishedCount(value)
    if isinstance(value, dict):
        return {k: v if k in NOT_COUNTS else _published(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_published(v, depth + 1) for v in value]
    if isinstance(value, tuple):  # (label, count) pairs: the first item is a label
        return value[:1] + tuple(_published(v, depth + 1) for v in value[1:]) if len(value) > 1 else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        import copy

        out = copy.copy(value)
        for f in dataclasses.fields(value):
            if f.name not in NOT_COUNTS:
                object.__setattr__(out, f.name, _published(getattr(value, f.name), depth + 1))
        for name, v in vars(value).items():  # attributes set after construction (esc.levels)
            if name not in NOT_COUNTS and name not in {f.name for f in dataclasses.fields(value)}:
                object.__setattr__(out, name, _published(v, depth + 1))
        return out
    return value


def publish_counts(values: dict) -> dict:
    """The context a template may see: count summaries published unless ``external`` is False."""
    if values.get("external", True) is False or not any(k in values for k in COUNT_SUMMARIES):
        return values
    return {k: _published(v) if k in COUNT_SUMMARIES else v for k, v in values.items()}


def _autoescape(name: str | None) -> bool:
    if not name:
        return False
    name = name.lower()
    return name.endswith((".html", ".htm", ".html.j2", ".htm.j2"))


def user_templates() -> list[Path]:
    """Template files the user has placed in their config folder."""
    folder = locations.user_dir("templates")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def make_env(*, sandboxed: bool | None = None, extra_dirs: list[Path] | None = None):
    """Build (or reuse) the Jinja environment.

    ``sandboxed=None`` means: sandbox when the user has templates of their own.
    ``extra_dirs`` are searched before everything else (used by tests).
    """
    import jinja2

    dirs = [Path(d) for d in (extra_dirs or [])] + locations.search_path("templates")
    packaged = locations.packaged_dir("templates")
    if sandboxed is None:
        sandboxed = bool(extra_dirs) or bool(user_templates())
    key = (tuple(str(d) for d in dirs), sandboxed)
    env = _ENVS.get(key)
    if env is not None:
        return env
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in dirs]),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(packaged))}, delimiter=":"),
        ]
    )
    cls = _sandbox() if sandboxed else jinja2.Environment
    env = cls(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    filters.install(env)
    if sandboxed:
        _install_bounded_globals(env)
    _ENVS[key] = env
    return env


def clear_cache() -> None:
    """Forget built environments (after the user adds or removes templates)."""
    _ENVS.clear()


_MISSING = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'|no element (\S+)")


def _template_frame(exc: BaseException, names: set[str]) -> tuple[str | None, int | None]:
    """The innermost traceback frame that belongs to a template: (file, line)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in names or filename.endswith(".j2") or "<template>" in filename:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


_TOO_LARGE = (OverflowError, MemoryError, RecursionError)


def _too_large(exc: BaseException) -> str:
    """A resource limit hit while rendering, in words."""
    if isinstance(exc, RecursionError):
        return "too deeply nested (a macro or include calls itself)"
    if isinstance(exc, MemoryError):
        return "too large to render (out of memory)"
    reason = exc.args[-1] if exc.args and isinstance(exc.args[-1], str) else str(exc)
    return f"too large to render ({reason})"


def _too_large_source(exc: BaseException) -> str:
    """A template that cannot even be compiled because of its size or nesting."""
    if isinstance(exc, (RecursionError, SyntaxError)):
        return "too deeply nested to compile (brackets or blocks inside each other thousands of times)"
    return _too_large(exc)


def render(name: str, context: dict | None = None, *, env=None, **kwargs) -> str:
    """Render template ``name`` with ``context``; every failure is a ConfigError.

    When the user has templates of their own (the environment is sandboxed) the render runs
    in a child process, stopped after ``[limits] template_seconds`` and capped at
    ``template_mb`` of memory (:func:`_in_child`); our own templates render in-process."""
    import jinja2

    env = env or make_env()
    values = publish_counts(dict(context or {}, **kwargs))
    try:
        template = env.get_template(name)
    except _TOO_LARGE + (SyntaxError,) as exc:  # 5,000 '(' or 3,000 nested ifs: the parser recurses
        raise ConfigError(f"template {name}: {_too_large_source(exc)}") from None
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(d) for d in _searched())
        raise ConfigError(f"template {exc.name!r} not found (looked in {where})") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(
            f"template {exc.filename or exc.name or name}, line {exc.lineno}: {exc.message}"
        ) from None
    sandboxed = getattr(env, "bounded_text", None) is not None
    if sandboxed:  # a user template may be in play: render in a child with a time and memory budget
        seconds, mb = budgets()
        return _in_child(lambda: _render_loaded(template, values, name, seconds), name, seconds, mb)
    return _render_loaded(template, values, name, None)


def _render_loaded(template, values: dict, name: str, seconds: float | None) -> str:
    """Render a loaded template; every failure is a ConfigError naming the template and line."""
    import jinja2
    from jinja2.exceptions import SecurityError

    sandboxed = seconds is not None
    if sandboxed:
        _budget.start(seconds)
    try:
        return template.render(values)
    except jinja2.UndefinedError as exc:
        filename, line = _template_frame(exc, {template.filename or ""})
        message = str(exc)
        m = _MISSING.search(message)
        missing = next((g for g in m.groups() if g), None) if m else None
        where = filename or template.filename or name
        detail = f"'{missing}' is not defined" if missing else message
        if m and m.group(2):
            detail = f"'{missing}' is missing ({message})"
        raise ConfigError(f"template {where}, line {line or '?'}: {detail}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from None
    except SecurityError as exc:
        filename, line = _template_frame(exc, {template.filename or ""})
        raise ConfigError(
            f"template {filename or name}, line {line or '?'}: not allowed in a template ({exc})"
        ) from None
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template {template.filename or name}: {exc}") from None
    except _TOO_LARGE as exc:
        filename, line = _template_frame(exc, {template.filename or ""})
        raise ConfigError(f"template {filename or name}, line {line or '?'}: {_too_large(exc)}") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        if not sandboxed:  # our own templates: a real bug
            raise
        filename, line = _template_frame(exc, {template.filename or ""})
        raise ConfigError(f"template {filename or name}, line {line or '?'}: {type(exc).__name__}: "
                          f"{str(exc)[:200]}") from None
    finally:
        if sandboxed:
            _budget.stop()


def render_string(source: str, context: dict | None = None, *, name: str = "<string>", **kwargs) -> str:
    """Render template text (always sandboxed: it came from a user)."""
    import jinja2

    env = make_env(sandboxed=True)
    try:
        template = env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template {name}, line {exc.lineno}: {exc.message}") from None
    except _TOO_LARGE + (SyntaxError,) as exc:
        raise ConfigError(f"template {name}: {_too_large_source(exc)}") from None
    values = publish_counts(dict(context or {}, **kwargs))
    seconds, mb = budgets()
    return _in_child(lambda: _render_template(template, values, name, seconds), name, seconds, mb)


def _render_template(template, values: dict, name: str, seconds: float = TIME_BUDGET_S) -> str:
    import jinja2

    _budget.start(seconds)  # render_string is always sandboxed
    try:
        return template.render(values)
    except jinja2.UndefinedError as exc:
        _, line = _template_frame(exc, {"<template>"})
        m = _MISSING.search(str(exc))
        missing = next((g for g in m.groups() if g), None) if m else str(exc)
        raise ConfigError(f"template {name}, line {line or '?'}: '{missing}' is not defined") from None
    except jinja2.exceptions.SecurityError as exc:
        _, line = _template_frame(exc, {"<template>"})
        raise ConfigError(f"template {name}, line {line or '?'}: not allowed in a template ({exc})") from None
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template {name}: {exc}") from None
    except _TOO_LARGE as exc:
        _, line = _template_frame(exc, {"<template>"})
        raise ConfigError(f"template {name}, line {line or '?'}: {_too_large(exc)}") from None
    finally:
        _budget.stop()


def _searched() -> list[Path]:
    return locations.search_path("templates")
