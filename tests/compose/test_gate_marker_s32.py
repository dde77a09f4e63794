"""Session 32 (lead, after the s32 after-measurement, declared): two defects found in the s32 answers.

* The part fit test read any 'payment' in a part's head as the activity of paying people for their involvement, so
  the Real Living Wage block was taken out of a part asking for 'Payment of the Real Living Wage to everyone working
  on the contract' (a scoring gate's confirmation), leaving the part empty.
* The part then held only its '[To write: ...]' marker, which repeats the buyer's words, and the gate was reported
  as made by it.
"""

from types import SimpleNamespace

from evidencebot.compose import gates, partfit
from evidencebot.compose.tender import Unit, _gate_rows, _marker_unit, write_marker

WAGE_ASK = "Payment of the Real Living Wage to everyone working on the contract, including subcontractors"


def test_a_part_about_paying_a_wage_is_not_about_paying_people_for_their_involvement():
    assert "paying people for their involvement" not in partfit.kinds(WAGE_ASK, "activities")
    wage_block = SimpleNamespace(title="Paying the Real Living Wage across the workforce and supply chain",
                                 text="We will pay everyone working on the contract at least the Real Living Wage.")
    assert partfit.text_misfit(WAGE_ASK, wage_block.title, wage_block.text) is None


def test_payments_to_members_still_ask_for_a_block_that_speaks_of_them():
    for ask in ("Making payments without affecting members' welfare benefits",
                "How you will make payments to panel members without affecting their benefits"):
        assert "paying people for their involvement" in partfit.kinds(ask, "activities"), ask


class _Part:
    def __init__(self, key, label, units):
        self.point = SimpleNamespace(key=key, label=label)
        self.units = units

    def kept_units(self):
        return self.units


def _rows(units):
    gate = gates.Gate(sentence="Responses that do not confirm payment of the Real Living Wage to everyone working on "
                               "the contract will not score above 2.",
                      statement="payment of the Real Living Wage to everyone working on the contract", cap="2", key="p5")
    plan = SimpleNamespace(gates=[gate])
    return _gate_rows(plan, [SimpleNamespace(status="nothing in the library")], [_Part("p5", "Payment", units)])


def test_a_writers_marker_makes_no_gate_statement():
    marker = Unit(text=write_marker("Payment of the Real Living Wage to everyone working on the contract"),
                  priority=1, refs=["todo:part"])
    assert _marker_unit(marker)
    assert _rows([marker])[0]["made"] is False


def test_our_own_sentence_still_makes_it():
    ours = Unit(text="We will pay everyone working on the contract at least the Real Living Wage from the first day.",
                priority=1, refs=["block:real-living-wage"])
    assert not _marker_unit(ours)
    assert _rows([ours])[0]["made"] is True
