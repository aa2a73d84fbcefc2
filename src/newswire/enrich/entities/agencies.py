"""The wire agencies: every name one agency goes by, so that the agency of a dateline is
recognised in the body under any of them.

A dateline writes the agency short and often with a desk or region after it (``dpa/lby``,
``ИНТЕРФАКС-УРАЛ``, ``Keystone-ATS``), while the body names it in full or in another
script (``Deutsche Presse-Agentur``, ``Интерфакс``, ``وكالة أنباء الإمارات`` for ``وام``).
The table lists the agencies that write in the wire's languages, each with its short forms
and full names in those languages.
"""

from __future__ import annotations

from functools import lru_cache

_AGENCIES: tuple[tuple[str, ...], ...] = (
    # international
    ("AFP", "Agence France-Presse", "Agence France Presse", "Франс Пресс", "وكالة الصحافة الفرنسية",
     "وكالة فرانس برس", "فرانس برس"),
    ("AP", "Associated Press", "The Associated Press", "أسوشيتد برس", "Ассошиэйтед Пресс"),
    ("Reuters", "Thomson Reuters", "رويترز", "وكالة رويترز", "Рейтер", "Рейтерс", "Reuters Agency"),
    ("Xinhua", "Xinhua News Agency", "شينخوا", "وكالة أنباء شينخوا", "Синьхуа"),
    # Turkish
    ("AA", "Anadolu", "Anadolu Ajansı", "Anadolu Agency", "Agence Anadolu", "Agencia Anadolu",
     "Agencija Anadolu", "الأناضول", "وكالة الأناضول", "Анадолу", "آناتولی"),
    ("İHA", "İhlas Haber Ajansı"),
    ("DHA", "Demirören Haber Ajansı"),
    # Russian
    ("ТАСС", "TASS", "Информационное агентство России ТАСС", "تاس", "وكالة تاس"),
    ("Интерфакс", "Interfax", "إنترفاكس"),
    ("РИА Новости", "RIA Novosti", "ريا نوفوستي"),
    ("ПРАЙМ", "PRIME"),
    # Arabic
    ("وام", "WAM", "وكالة أنباء الإمارات", "Emirates News Agency"),
    ("واس", "SPA", "وكالة الأنباء السعودية", "Saudi Press Agency"),
    ("قنا", "QNA", "وكالة الأنباء القطرية", "Qatar News Agency"),
    ("بترا", "Petra", "وكالة الأنباء الأردنية", "Jordan News Agency"),
    ("كونا", "KUNA", "وكالة الأنباء الكويتية", "Kuwait News Agency"),
    ("أ ش أ", "MENA", "وكالة أنباء الشرق الأوسط", "Middle East News Agency"),
    ("سانا", "SANA", "الوكالة العربية السورية للأنباء", "Syrian Arab News Agency"),
    ("TAP", "Tunis Afrique Presse", "وكالة تونس أفريقيا للأنباء"),
    ("MAP", "وكالة المغرب العربي للأنباء", "Maghreb Arabe Presse"),
    # Spanish
    ("EFE", "Agencia EFE"),
    ("Europa Press",),
    # German-speaking
    ("dpa", "Deutsche Presse-Agentur", "dpa-AFX"),
    ("APA", "Austria Presse Agentur", "APA-Austria Presse Agentur"),
    ("Keystone-SDA", "Keystone-ATS", "SDA", "ATS", "Schweizerische Depeschenagentur",
     "Agence télégraphique suisse"),
    ("epd", "Evangelischer Pressedienst"),
    ("KNA", "Katholische Nachrichten-Agentur"),
    ("ddp",),
    # French-speaking
    ("Belga", "Agence Belga"),
    # Bosnian and Croatian
    ("Hina", "Hrvatska izvještajna novinska agencija"),
    ("FENA", "Federalna novinska agencija"),
    ("Patria",),
    ("SRNA", "Novinska agencija Republike Srpske"),
    # English-speaking
    ("PA", "PA Media", "Press Association"),
    ("CP", "The Canadian Press", "Canadian Press"),
    ("AAP", "Australian Associated Press"),
)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for names in _AGENCIES:
        folded = frozenset(n.casefold() for n in names)
        for name in folded:
            table[name] = folded
    return table


def _written_forms(source: str) -> tuple[str, ...]:
    """The dateline's agency as written, and without its desk or region ("dpa/lby" -> "dpa",
    "ИНТЕРФАКС-УРАЛ" -> "ИНТЕРФАКС")."""
    whole = source.strip().casefold()
    return whole, whole.split("/")[0].strip(), whole.split("-")[0].strip()


def agency_names(source: str) -> frozenset[str]:
    """Every name (case-folded) the agency of a dateline goes by: its own spelling, and the
    names of the agency the table knows it as."""
    table = _by_name()
    names = {source.strip().casefold()}
    for form in _written_forms(source):
        names |= table.get(form, frozenset())
    return frozenset(names)
