"""The animation's title: a frame names its own period unless the reader wrote a title (issue 22:
the Timeline's prefilled "… in 2014" stood over the 2015, 2016 and 2017 frames)."""

from geo.i18n import _, using
from geo.ui.downloads import animation_title


def test_the_timelines_prefilled_title_is_not_put_on_every_frame():
    with using("fr"):
        prefilled = _("Incident sites in {period}").format(period="2014")
        assert animation_title(prefilled, prefilled) is None
        assert animation_title(f"  {prefilled} ", prefilled) is None  # the same words, spaces aside


def test_a_title_the_reader_wrote_is_kept_and_an_empty_one_is_not():
    assert animation_title("Arrests in Belgium", "Incident sites in 2014") == "Arrests in Belgium"
    assert animation_title("", "Incident sites in 2014") is None
    assert animation_title(None, "Incident sites in 2014") is None
