"""A 'what it means' line that is already an aim is not framed as an aim again (s32 q12 and s33 q12 printed 'We want
this to mean that the service aims to cut its emissions ...')."""

from evidencebot.compose.tender import AIM_FRAMES, as_aim


def test_an_aim_is_left_as_it_is_in_every_frame():
    line = "The service aims to cut its emissions without cutting the face-to-face contact people need."
    for n in range(len(AIM_FRAMES)):
        assert as_aim(line, n) == line
    assert as_aim("The team intends to visit each village every month.", 1) == \
        "The team intends to visit each village every month."


def test_a_statement_is_still_framed_as_an_aim():
    assert as_aim("People leave with a plan they wrote themselves.", 2) == \
        "We want this to mean that people leave with a plan they wrote themselves."
    # 'want to' in a relative clause is no aim of ours; 'plan' after an article is a noun
    assert as_aim("People who want to stop smoking get specialist help.", 0) == \
        "The aim is that people who want to stop smoking get specialist help."
    assert as_aim("The plan to reach every village is written with the hubs.", 0).startswith("The aim is that the plan")
