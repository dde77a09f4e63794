"""A gate naming the act as a noun ('confirm attendance at ...') is confirmed as the buyer wrote it."""

from evidencebot.compose import gates

QUESTION = """# Question 4 - Working with the practices

Describe how you will work with the six GP practices in the town.

Responses that do not confirm attendance at every monthly practice meeting on the dates stated will not score above 2.
"""


def test_a_noun_gate_is_confirmed_in_the_buyers_words():
    (gate,) = gates.read(QUESTION)
    assert gates.our_sentence(gate) == "We confirm attendance at every monthly practice meeting on the dates stated."


def test_a_gate_that_asks_for_a_description_is_still_not_ours_to_say():
    text = QUESTION.replace("confirm attendance at every monthly practice meeting on the dates stated",
                            "set out who will attend the monthly practice meetings")
    assert all(gates.our_sentence(g) == "" for g in gates.read(text))
