"""Issue 18, defect 8: user templates bypassed small-number suppression. The
context of an external review held raw counts, so a user template's
``{{ safeguarding.total }}`` printed "2" in a suppressed review. The context of
an external document now holds published counts only ("<5", "about"-rounded
multiples of 5, "0"); arithmetic and comparisons on them are refused. These
tests failed on the code before."""

from __future__ import annotations

import pytest

from evidencebot.compose import env as compose_env
from evidencebot.errors import ConfigError

PROBE = ("SG total=[{{ safeguarding.total }}] referred=[{{ safeguarding.referred }}] "
         "within2=[{{ safeguarding.referred_within_2_days }}] multi=[{{ safeguarding.multi_agency }}] "
         "referrals=[{{ activity.referrals }}] seen=[{{ waits.seen }}] waiting=[{{ waits.waiting }}] "
         "esc=[{{ esc.total }}] level1=[{{ esc.by_level[1] }}] partners=[{{ partners.total }}]"
         "{% for p, n in partners.partners %} {{ p }}=[{{ n }}]{% endfor %}\n")


@pytest.fixture
def user_template(isolated_home):
    folder = isolated_home / "config" / "templates"
    folder.mkdir(parents=True, exist_ok=True)

    def write(source: str) -> None:
        (folder / "contract_review.md.j2").write_text(source, encoding="utf-8")
        compose_env.clear_cache()

    yield write
    compose_env.clear_cache()


@pytest.fixture
def demo(demo_factory):
    from evidencebot.store.db import connect

    db = connect(demo_factory())
    yield db
    db.close()


def render_probe(db, *, suppress: bool) -> str:
    from evidencebot.compose.review import assemble_review

    return assemble_review(db, None, None, suppress=suppress, check=False).markdown


def test_a_user_template_sees_published_counts_only(demo, user_template):
    import re

    user_template(PROBE)
    exact = render_probe(demo, suppress=False)  # internal: exact counts, as before
    total = int(re.search(r"SG total=\[(\d+)\]", exact).group(1))
    assert 0 < total < 5, "the demo's review quarter should have a small safeguarding count"
    text = render_probe(demo, suppress=True)
    assert "SG total=[<5]" in text, text
    assert f"SG total=[{total}]" not in text
    values = re.findall(r"\[([^\]]*)\]", text)
    assert len(values) >= 10
    for value in values:
        assert value in ("0", "<5") or (value.isdigit() and int(value) % 5 == 0), (value, text)


@pytest.mark.parametrize("source", [
    "{{ safeguarding.total + 0 }}",
    "{{ safeguarding.total * 1 }}",
    "{% if safeguarding.total > 1 %}more than one{% endif %}",
    "{% if safeguarding.total < 3 %}fewer than three{% endif %}",
    "{{ '%d' | format(safeguarding.total) }}",
    "{{ [safeguarding.total, 0] | sum }}",
], ids=["plus", "times", "greater", "less", "format-d", "sum"])
def test_arithmetic_on_a_published_count_is_a_template_error(demo, user_template, source):
    from evidencebot.compose.review import assemble_review

    user_template(source + "\n")
    with pytest.raises(ConfigError, match="contract_review.md.j2"):
        assemble_review(demo, None, None, suppress=True, check=False)


def test_the_shipped_review_reads_the_same_from_published_counts(demo):
    """The shipped template already suppresses through its filters: published counts change nothing."""
    from evidencebot.compose import review

    published = review.assemble_review(demo, None, None, suppress=True, check=False).markdown
    original = compose_env.publish_counts
    try:
        compose_env.publish_counts = lambda values: values  # what it rendered before
        before = review.assemble_review(demo, None, None, suppress=True, check=False).markdown
    finally:
        compose_env.publish_counts = original
    assert published == before


def test_the_review_command_with_a_user_template(demo_copy_factory, user_template, isolated_home):
    from click.testing import CliRunner

    from evidencebot.cli import cli

    user_template("multi={{ safeguarding.multi_agency }} total={{ safeguarding.total }}\n")
    path = str(demo_copy_factory())  # the command records its export: never in the shared demo
    runner = CliRunner()
    exact = runner.invoke(cli, ["assemble", "review", "--no-suppress", "--db", path])
    assert exact.exit_code == 0, exact.output
    result = runner.invoke(cli, ["assemble", "review", "--db", path])
    assert result.exit_code == 0, result.output
    assert "total=<5" in result.output
    assert "total=<5" not in exact.output and "total=" in exact.output
