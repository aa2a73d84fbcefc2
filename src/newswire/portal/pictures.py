"""Pictures and videos in the portal: thumbnails in the flow and in search results (a
story's: its first picture or video it may read), a picture's or video's page (a video shows
its poster), a story's pictures and videos.

Every image a page shows and every rendition it offers for download is the API's own signed
rendition link (:mod:`newswire.media.links`), made for the signed-in user (key
``user:<id>``, see :func:`newswire.media.links.user_key`) and given as a path on this
origin (the portal's Content-Security-Policy admits images from ``'self'`` only). The link
answers through ``GET /v1/media/...``: there ``routing.may_read`` decides again, per
version, at every download (an embargo, a withhold or a kill applies to a page already
open), a killed picture answers 410, the user must still be enabled and in the organisation,
and the download is recorded in the usage audit (channel ``media``, the rendition, against
``user:<id>``) as a subscriber key's would be.

A story's associated pictures come from :mod:`newswire.media.attach` (in
:func:`newswire.portal.flow.story_versions`): only those the organisation may read, with the
current version's renditions, caption and credit; the others are left out of the story
altogether (page and downloads), not even their URI.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request

from newswire.config import Settings
from newswire.media import links
from newswire.media.attach import MEDIA_TYPES, credit_line
from newswire.model import Association, Item, Rendition
from newswire.portal import i18n
from newswire.store.users import Session

if TYPE_CHECKING:
    from newswire.portal.routes import Portal

# A link's expiry is rounded to this step so one picture keeps the same address for a while
# and the browser's cache serves it again (the flow shows the same thumbnails page after page).
STEP = 600
VIEW_ORDER = ("viewImage", "preview", "baseImage", "poster", "thumbnail")  # what a page shows, best first
THUMB_ORDER = ("thumbnail", "viewImage", "preview", "poster")  # of these, images only (a video's preview is a clip)


@dataclass(frozen=True, slots=True)
class Download:
    name: str
    href: str
    content_type: str | None
    width: int | None
    height: int | None
    size: int | None


@dataclass(frozen=True, slots=True)
class Shown:
    """A picture as a page shows it: the image's path, its size, its words."""

    uri: str
    src: str
    width: int | None
    height: int | None
    headline: str | None
    caption: str | None
    credit: str | None


class PictureLinks:
    """The signed-in user's links to renditions (templates call it as ``pictures``)."""

    def __init__(self, settings: Settings, session: Session, now: float | None = None) -> None:
        assert session.user.subscriber_id is not None
        moment = now if now is not None else time.time()
        # valid between media_url_seconds - STEP and media_url_seconds from now
        self._signer = links.Signer(settings, session.user.subscriber_id, links.user_key(session.user.id),
                                    moment - moment % STEP)
        self._origin = settings.base_url

    def _local(self, href: str) -> str:
        return href.removeprefix(self._origin) if href.startswith(self._origin + links.PREFIX) else href

    def signed(self, item: Item) -> Item:
        """The item with its own and its pictures' hrefs signed for this user (absolute: a
        downloaded file is read outside the portal)."""
        return self._signer.item(item)

    def _renditions(self, uri: str, renditions: tuple[Rendition, ...]) -> dict[str, Rendition]:
        own = links.PREFIX in "".join(r.href for r in renditions)
        if not own:
            return {}
        signed = self._signer.item(Item(uri=uri, renditions=renditions)).renditions
        return {r.name: r for r in signed if r.name and r.href.startswith(self._origin + links.PREFIX)}

    def _images(self, uri: str, renditions: tuple[Rendition, ...]) -> dict[str, Rendition]:
        return {name: r for name, r in self._renditions(uri, renditions).items()
                if (r.content_type or "image/").startswith("image/")}

    def thumb(self, item: Item) -> str | None:
        """The path of a picture's or video's thumbnail; of a story's, its first picture or
        video delivered with renditions (those it may read); None otherwise."""
        if item.killed:
            return None
        if item.type in MEDIA_TYPES:
            uri, renditions = item.uri, item.renditions
        else:
            lead = next((a for a in item.associations if (a.type or "") in MEDIA_TYPES and a.renditions), None)
            if lead is None:
                return None
            uri, renditions = lead.uri, lead.renditions
        found = self._images(uri, renditions)
        best = next((found[n] for n in THUMB_ORDER if n in found), None)
        return self._local(best.href) if best else None

    def _shown(self, uri: str, renditions: tuple[Rendition, ...], headline: str | None, caption: str | None,
               credit: str | None) -> Shown | None:
        found = self._images(uri, renditions)
        best = next((found[n] for n in VIEW_ORDER if n in found), None)
        if best is None:
            return None
        return Shown(uri, self._local(best.href), best.width, best.height, headline, caption, credit)

    def view(self, item: Item, caption: str | None = None) -> Shown | None:
        """A picture item's view image (a video's poster), with its credit."""
        if item.type not in MEDIA_TYPES or item.killed:
            return None
        return self._shown(item.uri, item.renditions, item.headline, caption, credit_line(item))

    def downloads(self, item: Item) -> list[Download]:
        """Every rendition of the version the organisation may read, as a download link."""
        if item.type not in MEDIA_TYPES or item.killed:
            return []
        found = self._renditions(item.uri, item.renditions)
        return [Download(name, self._local(r.href), r.content_type, r.width, r.height, r.size_in_bytes)
                for name, r in found.items()]

    def associated(self, item: Item) -> list[Shown]:
        """A story's pictures and videos (those delivered with renditions: the ones it may read)."""
        if item.killed:
            return []
        return [shown for a in item.associations if (shown := self._association(a)) is not None]

    def _association(self, a: Association) -> Shown | None:
        if (a.type or "") not in MEDIA_TYPES:
            return None
        return self._shown(a.uri, a.renditions, a.headline, a.caption, a.credit)


def size_label(size: int | None) -> str:
    if not size:
        return ""
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


WORDS: dict[str, dict[str, str]] = {
    "en": {"pic_credit": "Credit", "pic_copyright": "Copyright", "pic_usage": "Usage terms",
           "pic_files": "Picture files", "pic_pictures": "Pictures", "pic_not_ready": "The picture files are "
           "being made; reload in a moment.", "pic_open": "Open the picture",
           "rend_original": "Original", "rend_baseImage": "High resolution", "rend_viewImage": "View image",
           "rend_thumbnail": "Thumbnail", "rend_preview": "Web preview (watermarked)", "rend_poster": "Poster",
           "c2pa": "Content Credentials", "c2pa_trusted": "valid, signer trusted",
           "c2pa_valid": "valid (signer not on a trust list)", "c2pa_invalid": "invalid", "c2pa_absent": "none",
           "c2pa_unchecked": "not checked", "c2pa_signed_by": "signed by", "c2pa_ai": "declared AI-generated"},
    "tr": {"pic_credit": "Kredi", "pic_copyright": "Telif hakkı", "pic_usage": "Kullanım koşulları",
           "pic_files": "Fotoğraf dosyaları", "pic_pictures": "Fotoğraflar", "pic_not_ready": "Fotoğraf dosyaları "
           "hazırlanıyor; birazdan sayfayı yenileyin.", "pic_open": "Fotoğrafı aç",
           "rend_original": "Özgün", "rend_baseImage": "Yüksek çözünürlük", "rend_viewImage": "Görüntüleme",
           "rend_thumbnail": "Küçük resim", "rend_preview": "Web önizlemesi (filigranlı)", "rend_poster": "Afiş",
           "c2pa": "İçerik Kimlik Bilgileri", "c2pa_trusted": "geçerli, imzalayan güvenilir",
           "c2pa_valid": "geçerli (imzalayan güven listesinde değil)", "c2pa_invalid": "geçersiz",
           "c2pa_absent": "yok", "c2pa_unchecked": "denetlenmedi", "c2pa_signed_by": "imzalayan",
           "c2pa_ai": "yapay zekâyla üretildiği beyan edilmiş"},
    "ar": {"pic_credit": "المصدر", "pic_copyright": "حقوق النشر", "pic_usage": "شروط الاستخدام",
           "pic_files": "ملفات الصورة", "pic_pictures": "الصور", "pic_not_ready": "يجري إعداد ملفات الصورة؛ "
           "أعد تحميل الصفحة بعد قليل.", "pic_open": "افتح الصورة",
           "rend_original": "الأصل", "rend_baseImage": "دقة عالية", "rend_viewImage": "صورة العرض",
           "rend_thumbnail": "صورة مصغرة", "rend_preview": "معاينة الويب (بعلامة مائية)", "rend_poster": "ملصق",
           "c2pa": "بيانات اعتماد المحتوى", "c2pa_trusted": "صالحة، والموقِّع موثوق",
           "c2pa_valid": "صالحة (الموقِّع ليس في قائمة ثقة)", "c2pa_invalid": "غير صالحة", "c2pa_absent": "لا توجد",
           "c2pa_unchecked": "لم يُتحقَّق منها", "c2pa_signed_by": "وقَّعها",
           "c2pa_ai": "مُعلَن أنها مولَّدة بالذكاء الاصطناعي"},
}
i18n.extend(WORDS)


def install(portal: Portal) -> None:
    """Give every signed-in page (and the flow's live rows) the user's picture links."""
    settings = portal.wire.settings

    async def context(request: Request, session: Session) -> dict[str, object]:
        return {"pictures": PictureLinks(settings, session)}

    portal.page_context.append(context)
    portal.web.env.globals["size_label"] = size_label
