"""The buyer's own names said right (issue 12, session 26; the s25 panel's faults): what kind of thing a name is (a
building or base, an organisation, a programme, a document) decides how we say it. Sentences written for these tests."""

from evidencebot.compose import commitments as C


def test_a_list_inside_a_documents_name_keeps_its_first_words():
    # (s25 panel: a protocol named from its second word on, the words before the comma lost)
    text = ("Moves out of the house follow the Bramley Step-Down Protocol v2.0 and, where money is a factor, the Debt, "
            "Benefits and Rent Arrears Pathway v3.1.")
    assert C.versioned_documents(text) == ["Bramley Step-Down Protocol v2.0", "Debt, Benefits and Rent Arrears Pathway v3.1"]


def test_two_documents_of_a_list_stay_two():
    assert C.versioned_documents("Staff follow the Lone Working Policy, the Bramley Missing Person Procedure v1.2.") == \
        ["Bramley Missing Person Procedure v1.2"]
