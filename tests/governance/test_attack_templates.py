"""Issue 18, defect 9 (templates): a user template has a time budget and cannot
build huge strings with filters, string methods, ``lipsum`` or ``~``. Each test
failed (ran for tens of seconds or allocated about a gigabyte) before."""

from __future__ import annotations

import pytest

from evidencebot.compose import env
from evidencebot.errors import ConfigError

ATTACKS = {
    "nested-range": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "lipsum": "{{ lipsum(1000000) }}",
    "center": "{{ 'x'|center(1000000000) }}",
    "ljust-method": "{{ 'x'.ljust(1000000000) }}",
    "zfill-method": "{{ '1'.zfill(1000000000) }}",
    "format-filter": "{{ '%1000000000d'|format(1) }}",
    "format-method": "{{ '{:>1000000000}'.format(1) }}",
    "join": "{% set s = 'x' * 1000000 %}{{ [s, s, s]|join('') }}",
    "tilde": "{% set s = 'x' * 600000 %}{{ s ~ s }}",
    "replace": "{% set s = 'x' * 1000000 %}{{ s|replace('x', 'yyyy') }}",
    "indent": "{{ 'a\nb'|indent(1000000000) }}",
}


@pytest.mark.parametrize("source", ATTACKS.values(), ids=ATTACKS.keys())
def test_user_templates_are_bounded(source):
    with pytest.raises(ConfigError, match="template"):
        env.render_string(source, {})


def test_ordinary_templates_still_render():
    out = env.render_string("{% for i in range(3) %}{{ i }}{% endfor %} {{ 'ab'|center(6) }} {{ 'a' ~ 'b' }} "
                            "{{ ['a', 'b']|join(', ') }} {{ '%05d'|format(42) }}", {})
    assert out == "012   ab   ab a, b 00042"
