"""Privacy findings by structure rather than by listed wording (issue 15, brief p19).

Sentences written for these tests, each in a shape the spent writers' sets showed missed or wrongly flagged:
an identifier after any label that says whose system it is, in any format; the date of an event in a case
note's shorthand where the person is never named; names by the shape they are written in; organisations and
staff in role that look like names. A flag case gives the text a privacy finding must cover.
"""

from __future__ import annotations

import pytest

from evidencebot import locations
from evidencebot.language.privacy import find_privacy, load_privacy_rules

SHIPPED = locations.packaged_dir("phrasebank")


@pytest.fixture(scope="module")
def rules():
    return load_privacy_rules([SHIPPED])


def _findings(text, rules, nlp):
    return find_privacy(text, nlp(text) if nlp is not None else None, rules)


def _covered(findings, text, part):
    start = text.index(part)
    return any(f.start <= start and start + len(part) <= f.end for f in findings)


FLAG = [
    # (p23) a table written as text: the header line labels the row's cells below it
    ("Name | DOB | Home\nAlys Prothero | 14/02/1979 | Flat 3, 8 Dyfed Road", "14/02/1979"),
    # (p23) a one-letter particle belongs to the name; a date beside a name or a record number is theirs
    ("Mr Ó Dálaigh missed his depot again on Tuesday.", "Mr Ó Dálaigh"),
    ("Tomás Ó Ceallaigh rang the duty line twice.", "Tomás Ó Ceallaigh"),
    ("Duty note: Dara Quinn, seen at the hub 3 Feb 2026, wants help with PIP.", "3 Feb 2026"),
    ("PNC 19/88213X – bailed 14 May 2026 to an address in Hull.", "14 May 2026"),
    # (p23) initials that own a relative are a person's; the school a named child goes to
    ("J.W.'s son (7) goes to Brookside Juniors and the school has been told.", "J.W."),
    ("As Nowak told us, the hostel had no heating all week.", "Nowak"),
    # (p23) a handover list's entries: a name found in one entry makes the others' opening words names too
    ("Nights: tariq – settled, meds taken. bex – tearful, obs 15 min.", "bex"),
    ("J.W.'s son (7) goes to Brookside Juniors and the school has been told.", "Brookside Juniors"),
    # (p24) a worker named in their role with a private fact (a disciplinary or DBS matter, their own health): the
    # name is theirs, not staff in role; a role one person holds, with a private fact, is that person
    ("Sessional worker Kate Lowe has been suspended while the complaint is looked into.", "Kate Lowe"),
    ("The bank nurse on nights, Ola B., is on a final written warning for lateness.", "Ola B."),
    ("Our new sessional worker, Tom Ashby, disclosed a 2019 caution on his enhanced DBS.", "Tom Ashby"),
    ("Handover (Bea Moss, Recovery Worker): rough week. My own medication was changed on Friday.", "Bea Moss"),
    ("Our office manager at the Leigh hub is pregnant, so cover starts in June.", "Our office manager at the Leigh hub"),
    ("Nadia is off until April after her knee operation, please cover her groups.", "knee operation"),
    # (p24) a person's job at a named workplace in a relative clause or as their post; a child's year and school
    ("Priya, who works weekends at the Boots in Halifax, asked for evening sessions.", "works weekends at the Boots in Halifax"),
    ("She is signed off from her job as night manager at the Royal Hotel.", "night manager at the Royal Hotel"),
    ("Sam (Year 7, Brookvale Academy) has been missing mornings since the move.", "Year 7, Brookvale Academy"),
    # (p24) a name after "by" that follows no work's title is still a person's
    ("Mr Ahmed was seen by Sam Patel on Tuesday.", "Sam Patel"),
    ("New client, referred by Dana Price: she is sleeping rough again.", "Dana Price"),
    # (p24) a Welsh patronymic in either case; a rota's bracket with the visited person's area; an exported row's key;
    # the only one of a kind at a named place with lower-case words after its name
    ("gareth ap huw - no answer at the door again, will try his brother.", "gareth ap huw"),
    ("Sat 10am: Jan (Mrs Pryce, Llandaff)\nSun 2pm: Omar (Mr Ahmed, Ely)", "Mrs Pryce, Llandaff"),
    ("Row: tenant_id=55120; area=Selby; dob=1990-01-12", "55120"),
    ("The only deaf woman at our Brixham move-on flats has asked for a BSL interpreter.", "Brixham move-on flats"),
    # (p24) a register's surname with a capital inside it, in a table's cell; lower-case surname/first pairs
    ("Row: D'Souza, Maria | tenant | review due", "D'Souza, Maria"),
    ("Callbacks (surname/first): nowak/anna, brennan/sean", "brennan/sean"),
    # (p24) a first name that is also a word, called "she" or "he" later in its sentence
    ("Grace is refusing her depot unless her sister comes too.", "Grace"),
    ("Please check on Faith tonight, she sounded flat on the phone.", "Faith"),
    ("sat with grace at the hub, she wants help with her gas bill", "grace"),
    ("Thurs befriending - visit Mrs Eleni Markou, reading the paper together and a cup of tea.", "Mrs Eleni Markou"),
    # a label that says whose system, then an identifier of any shape
    ("Her PAS no. 77120K is on the discharge letter.", "77120K"),
    ("Prisoner number B2210QT, released on licence last week.", "B2210QT"),
    ("Student ID 20198843 has not been to lectures since March.", "20198843"),
    ("His tenancy ref is TN/4471/C, please quote it to the housing officer.", "TN/4471/C"),
    ("NI JT 22 41 90 A is on the claim form.", "JT 22 41 90 A"),
    ("Court case no. 3381/22 for the defendant was adjourned.", "3381/22"),
    # an event of a case note's person, never named
    ("Readmitted to Ward 7 on 9 August 2024 under Section 3.", "9 August 2024"),
    ("discharged from the unit on 14.03.25 with no follow-up booked", "14.03.25"),
    ("Evicted on 2 May; sofa surfing since.", "2 May"),
    ("Arrest took place on Friday 7 March 2025 at the house.", "Friday 7 March 2025"),
    ("Her hearing is on the twenty-first of May and she wants someone with her.", "twenty-first of May"),
    ("She was released on the 4th and came straight to the drop-in.", "4th"),
    ("Next court date for the defendant is 03/09/2025.", "03/09/2025"),
    # a surname first, by its shape: a comma and a listed first name in running text, or a surname in capitals
    ("Night shift: Brzezinski, Tomasz has not come back to the hostel.", "Brzezinski, Tomasz"),
    ("Letter sent to DOWLING Karen about the missed appointments.", "DOWLING Karen"),
    # a title and surname after codes split by slashes is no work's title ("RiO 2201984 / Mr ...")
    ("PAS 7712093 / Mrs Okonedo / do not discharge before the social work review.", "Mrs Okonedo"),
    # homes: a street then its number, a postcode district after the street, a home by what it is next to
    ("Could someone knock at Heather Close, number 11, as she is not picking up?", "Heather Close, number 11"),
    ("He is now at 5 Quarry Street, S6 and settling in.", "5 Quarry Street, S6"),
    ("They sleep in the old van behind the leisure centre on Kings Road.", "the old van behind the leisure centre on Kings Road"),
    # one person's own worker stays flagged (phrasebank/README.md, "Whose names are personal data")
    ("Her support worker Dan Price rang the ward.", "Dan Price"),
    # (p22b) a person named in an allegation is no one in their role
    ("We reported the neighbour, Kevin Marsh, who is accused of taking her bank card.", "Kevin Marsh"),
    ("The caretaker, Mr Ade Bello, is suspected of entering her flat without notice.", "Mr Ade Bello"),
    ("Concerns were raised about her landlord, Mr Tomasz Wilk, who is alleged to have kept her deposit.", "Mr Tomasz Wilk"),
    # (p22b) names in capitals: a listed first name with a surname, or alone opening a note's line before a dash
    ("WARNING: DO NOT DISCLOSE HER NEW ADDRESS TO PAUL WHITAKER UNDER ANY CIRCUMSTANCES.", "PAUL WHITAKER"),
    ("Night report: the fire alarm was set off by DANIEL MORGAN at 03:10.", "DANIEL MORGAN"),
    ("KAREN – anxious after the phone call, had a bath and went to bed early.", "KAREN"),
    # (p22b) the record system in brackets after the label
    ("Client number (Mosaic): 3390124 is on the referral form.", "3390124"),
    ("Service user ID (SystmOne) 88123405 – next review Friday.", "88123405"),
    ("Patient no. (PAS): 5512093, on the ward list today.", "5512093"),
    # (p22b) a person found on a day
    ("Staff found him collapsed in the garden on 4 March 2025 and called an ambulance.", "4 March 2025"),
    ("She was found unconscious in her flat on 12/06/2024 by a neighbour.", "12/06/2024"),
    ("The man we support was found by the night worker on 9 October 2024.", "9 October 2024"),
    # (p22b) a table row written on one line under a date of birth column
    ("Name | DOB | Postcode — AB | 04/09/1979 | LS6", "04/09/1979"),
    ("Initials | Date of birth | Team — RK | 1992-01-30 | North", "1992-01-30"),
    ("Ref | D.O.B. | Ward – 4471 | 3.5.1968 | Birch", "3.5.1968"),
    # (p22b) initials, an age and where the person lives, one finding for the whole description
    ("MB, aged 47, lives in Pontcanna and cares for her mother.", "MB, aged 47, lives in Pontcanna"),
    ("RS (52, Moss Side) joined the walking group in spring.", "RS (52, Moss Side)"),
    ("Case study: P.L., aged 29, from the Lawns estate in Hull, came to the drop-in twice.",
     "P.L., aged 29, from the Lawns estate in Hull"),
]

PASS = [
    "Prison numbers are a letter, four digits and two letters.",
    "Student numbers rose to 1400 this year.",
    "Moved to the new building on 3 March 2019, the team now has a garden.",
    "Admissions peaked on 14/01/2024, the coldest day of the year.",
    "The drop-in is on the 2nd floor and the lift is working.",
    "The housing ref for the contract is on the tender portal.",
    # staff and partners' professionals in their role
    "New referrals are screened each morning by our duty practitioner, Helen Marsh.",
    "Outreach practitioner Colin Webb has taken over from Sue Lacey as the hub's housing lead.",
    "PC Harding and Lena Fox, the street triage nurse, went out together.",
    "The meeting room above the library on Bank Street is free on Mondays.",
    # a person who does not exist, said so next to the name
    "The role-play used a fictional defendant, 'Mark Hollis', with a history of self-harm.",
    "Meet Ama, a composite character drawn from many families we have worked with.",
    # organisations named like people, by their shape
    "Cecil's Kitchen CIC now runs the Friday lunch club.",
    "We partner with Beth Shalom, a Jewish community charity, on the winter appeal.",
    "Dixon Carter sponsored the shirts for the five-a-side team.",
    # (p21) a titled product in a list of things, by the parse (a bare plural noun joined to it)
    "Dr Oetker and pizzas were on the shopping list.",
    "Mr Muscle and bleach are kept in the locked cupboard.",
    # (p21) a brand before its product (a name that is no listed first name modifying a common noun for no person)
    "Captain Birdseye fish fingers were on the menu every Friday.",
    "Please attach a Gantt chart if it helps.",
    # (p21) a titled character compared with after "feel like", by the parse
    "By Thursday most of us feel like Mrs Doyle.",
    # (p22b) capitals that are no person, an organisation named like one, a day no person's event, a table's dates
    "MAY HALF TERM: GROUPS CLOSED",
    "JOHN LEWIS PARTNERSHIP DONATED THE PRIZES.",
    "ANNUAL REPORT 2025 – CHAIR'S FOREWORD",
    "We found the new venue on 3 May and signed the lease in June.",
    "Month | Referrals | Start date — April | 41 | 01/04/2025",
    # (p22b) a condition named after a person; our own premises at a street address
    "Staff learnt about supporting adults with Asperger's and early-onset Alzheimer's.",
    "Our carers' group is for families living with Parkinson's.",
    # (p24) authors after their work's title; quoted names in a sentence that declares names changed; the service's
    # own address; a community venue before its address
    "Further reading: Recovery Stories by Amara Lewis and The Long Road Home by Priya Dass.",
    "In these stories we call the older man 'Ken'; names and some details have been changed.",
    "Our office address is Unit 7, Mill Yard, Hull HU2 8PQ for all post.",
    "The group meets at Holy Trinity Church Hall, 12 Park Road.",
    "The local MP for Kirkby opened the new crisis café in June.",
    "Tick yes/no and and/or on the form; input/output logs are kept.",
    "Faith groups told her the church hall was free on Mondays.",
    "In Summer she walked the coast path with the group.",
    "Will she be able to come to the group next week, or should we ring her?",
    "we will see if she wants to come to the group.",
    "We went to see Miss Saigon at the Grand Theatre with the carers' group.",
    # (p24) staff in role with no private fact
    "Anyone who works at the Co-op on Market Street can use the staff discount.",
    "We ran two assemblies for Year 9 at Oakfield High in March.",
    "Sessional worker Kate Lowe runs the Tuesday induction for new volunteers.",
    "Our new sessional worker, Tom Ashby, starts on Monday once his enhanced DBS came back clear.",
    "Our office manager at the Leigh hub runs the Monday group.",
    "She was diagnosed with Crohn's disease as a teenager and now has Bell's palsy.",
    "Our hub is at 45 Market Street, above the pharmacy.",
    "Our drop-in centre is on 3 Mill Road.",
    "Our office is now based at 12 Church Lane, next to the library.",
    "The NHS (75) celebrated its birthday with a tea party.",
    "CYP (11, 12 and 13) were invited to the consultation.",
    # (p23) a table's dates under a header that is no person's; a date with no person beside it
    "Quarter | Referrals | Report date\nQ1 | 41 | 01/07/2025\nQ2 | 39 | 01/10/2025",
    "The U.K.'s mother and baby units are few and far between.",
    # (p23) a minister named with the office they spoke as; surnames cited as a sentence opens
    "After Lucy Powell's statement as Leader of the House, the debate moved on.",
    "As Slade and Longden argue, recovery is personal.",
    "Plan: review – next week. goals – set with the team.",
    "Of 120 members, 30 described themselves as Irish, 14 as Black Caribbean and 6 as Bangladeshi.",
    "The board met on 3 February 2026 to sign off the plan, aged 18 to 25 cohort included.",
]


@pytest.mark.parametrize("text, part", FLAG, ids=[t[:40] for t, _ in FLAG])
def test_structure_flags(text, part, rules, nlp):
    findings = _findings(text, rules, nlp)
    assert _covered(findings, text, part), f"{part!r} not covered in {text!r}: {[(f.rule, f.match) for f in findings]}"


@pytest.mark.parametrize("text", PASS, ids=[t[:40] for t in PASS])
def test_structure_passes(text, rules, nlp):
    # (p25) the structure rules' passes (a name in role is not a person's private detail): the learned check is left
    # out here, as it rightly warns on one of them ("... Tom Ashby, starts on Monday once his enhanced DBS came back
    # clear": a named worker's record-check outcome; test_privacy_learned.py asserts that warning on its own wording)
    findings = [f for f in _findings(text, rules, nlp) if f.rule != "privacy.learned-private-detail"]
    assert not findings, f"{text!r}: {[(f.rule, f.match) for f in findings]}"


@pytest.mark.parametrize("text", [
    "Rota w/c 9 March: Gareth Jones on days.",
    "Jo Bell chaired the forum. The next one is on 3 May 2026.",
    "Jo Bell ran the group from 1 April to 30 June.",
])
def test_no_detail_beside_a_name_across_a_sentence_or_in_a_period(text, rules, nlp):
    # (p23) a date is a named person's detail only in their sentence, and not as a rota's week or a period
    findings = _findings(text, rules, nlp)
    assert not [f for f in findings if f.rule == "privacy.detail-beside-person"], [(f.rule, f.match) for f in findings]
