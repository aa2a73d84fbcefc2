"""Which stories wait for a chief editor before they move (``NEWSWIRE_DESK_APPROVAL``).

The setting is ``none`` (the default: an editor publishes what it likes), ``all``, or a comma
list of rules, each ``urgency:<flash|urgent|normal>`` or ``service:<code>``; a story matching
any rule needs a chief's approval (role ``chief``, or ``admin``) before its first publication:
until a chief approves the draft, publishing it is refused to editors too (403), and it waits
in the approval queue on the outgoing wire. The approval is of the draft's text at one
revision: saving the draft after it puts it back in the queue."""

from __future__ import annotations

from dataclasses import dataclass

from newswire.desk.compose import URGENCIES, Story, service_codes

APPROVERS = ("chief", "admin")


@dataclass(frozen=True, slots=True)
class Rules:
    everything: bool = False
    urgencies: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        return self.everything or bool(self.urgencies or self.services)

    def describe(self) -> str:
        if self.everything:
            return "every story"
        parts = [f"{u} stories" for u in sorted(self.urgencies)]
        parts += [f"the {s} service" for s in sorted(self.services)]
        return ", ".join(parts)


def parse(value: str | None) -> Rules:
    """The setting as rules; anything else is a :class:`ValueError` naming the bad part."""
    text = (value or "").strip().lower()
    if text in ("", "none"):
        return Rules()
    if text == "all":
        return Rules(everything=True)
    urgencies: set[str] = set()
    services: set[str] = set()
    for part in (p.strip() for p in text.split(",")):
        kind, _, name = part.partition(":")
        kind, name = kind.strip(), name.strip()
        if kind == "urgency" and name in URGENCIES:
            urgencies.add(name)
        elif kind == "service" and name and service_codes(name) == [name]:
            services.add(name)
        else:
            raise ValueError(f"NEWSWIRE_DESK_APPROVAL: {part!r} is not urgency:<{'|'.join(URGENCIES)}>, "
                             "service:<code>, all or none")
    return Rules(urgencies=frozenset(urgencies), services=frozenset(services))


def needs(rules: Rules, story: Story) -> bool:
    """Whether ``story`` waits for a chief before it moves."""
    if rules.everything:
        return True
    return story.urgency in rules.urgencies or bool(rules.services & set(service_codes(story.services)))


def may_approve(role: str) -> bool:
    return role in APPROVERS
