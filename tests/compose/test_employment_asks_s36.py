"""An employment service's asks find the library's employment methods (issue 12, session 36: the s36 panel scored the
employer-engagement question 0 for both bidders; in the app, 'support people in work' got a method drafted from the
ask's words, though the library has the in-work support block). The question is written for this test."""

from evidencebot.compose.tender import assemble_tender

QUESTION = """# Question 5 - Working with employers

**Maximum 600 words**

Please set out how you will:

(a) find and keep employers in hospitality and transport who will take on people with psychosis;
(b) agree reasonable adjustments and use Access to Work with each person; and
(c) support people in work after they start.
"""


def test_each_employment_ask_gets_its_library_method(demo_db):
    answer = assemble_tender(demo_db, QUESTION, today="2026-12-07")
    evidence = {row.key: row.evidence for row in answer.coverage}
    assert "ips-job-development" in evidence["a"]
    assert "employer-liaison" in evidence["b"] and "inclusive-employer" not in evidence["b"]
    assert "ips-in-work-support" in evidence["c"]
