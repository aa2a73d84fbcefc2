"""Round seventeen, Arabic speakers: a second quote of the same sentence after a participle of
saying ("وقال الصندوق إن "…"، مشيرا إلى أن "…"") goes on with the speaker of the quote before
it - a body as well as a person - not the person named last."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_goes_on_after_a_participle() -> None:
    text = (
        "أبقى صندوق التنمية الزراعية على أسعار القروض دون تغيير.\n"
        'وقال وزير المالية سامي فريد الخطيب إن "القرار كان متوقعا تماما".\n'
        'وقال الصندوق، في بيان، إن "الطلب على القروض الموسمية ارتفع هذا العام"، '
        'مشيرا إلى أن القرار "يدعم صغار المزارعين في المواسم المقبلة".'
    )
    found = speakers(text, "ar", organisations=["صندوق التنمية الزراعية"])
    assert found[1:] == ["صندوق التنمية الزراعية", "صندوق التنمية الزراعية"]


def test_a_new_sentence_is_no_participle_clause() -> None:
    text = (
        "أبقى صندوق التنمية الزراعية على أسعار القروض دون تغيير.\n"
        'وقال وزير المالية سامي فريد الخطيب إن "القرار متوقع تماما"، مضيفا أن الحكومة "ستدعم صغار المزارعين".'
    )
    assert speakers(text, "ar") == ["سامي فريد الخطيب", "سامي فريد الخطيب"]
