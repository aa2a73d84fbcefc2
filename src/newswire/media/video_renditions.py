"""A video's renditions: what each one is (pure) and how it is made from the original (PyAV).

The original is never altered. ``poster`` is the frame shown before playing (the first frame
at or after one second, the first frame of a shorter video), upright (the container's
display rotation applied), as a JPEG within 1920 px; ``thumbnail`` is made from it, within
256 px. ``preview`` is a small H.264 MP4 (within 640 px, even sides as H.264's 4:2:0 needs,
the first 30 seconds, at most 30 frames a second, AAC sound when the original has sound,
the index first so it plays while it downloads), carrying the agency's watermark like a
picture's public preview. Every size and the preview's duration are decided from the probe by
:func:`planned`, so the item names them before the worker has made the files.

``STILL`` is no rendition of the item: the public site's lead image of a video-led story,
the poster within 1024 px watermarked as a picture's ``preview`` is (:func:`still_from`, which
the worker runs on the poster it made), kept beside the renditions and never served by
``/v1/media``.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from newswire.media.renditions import ORIGINAL, POSTER, fitted, watermark, watermarked
from newswire.media.video import VideoProbe, opened, video_stream
from newswire.model import Rendition

THUMBNAIL, PREVIEW = "thumbnail", "preview"
NAMES = (ORIGINAL, POSTER, THUMBNAIL, PREVIEW)
POSTER_EDGE, THUMBNAIL_EDGE, PREVIEW_EDGE = 1920, 256, 640
POSTER_AT = 1.0  # seconds in: past a fade from black
PREVIEW_SECONDS = 30.0
PREVIEW_FPS = 30
PREVIEW_CODEC = "H.264"
JPEG, MP4 = "image/jpeg", "video/mp4"
STILL, STILL_EDGE = "siteStill", 1024  # the site's watermarked still (a picture preview's size)


def preview_size(width: int, height: int) -> tuple[int, int]:
    """Within PREVIEW_EDGE, proportions kept, never enlarged, both sides even (at least 2)."""
    w, h = fitted(width, height, PREVIEW_EDGE)
    return max(2, w - w % 2), max(2, h - h % 2)


def preview_seconds(duration: float) -> float:
    return round(min(duration, PREVIEW_SECONDS), 3)


def planned(found: VideoProbe, size: int, href: Callable[[str], str]) -> tuple[Rendition, ...]:
    """The renditions a video's item names: the original (its size, duration, codec and frame
    rate), the poster, the thumbnail and the preview clip."""
    w, h = found.width, found.height
    rate = min(found.frame_rate, PREVIEW_FPS) if found.frame_rate else None
    return (
        Rendition(href(ORIGINAL), ORIGINAL, found.content_type, w, h, size_in_bytes=size, duration=found.duration,
                  video_codec=found.codec, frame_rate=found.frame_rate),
        Rendition(href(POSTER), POSTER, JPEG, *fitted(w, h, POSTER_EDGE)),
        Rendition(href(THUMBNAIL), THUMBNAIL, JPEG, *fitted(w, h, THUMBNAIL_EDGE)),
        Rendition(href(PREVIEW), PREVIEW, MP4, *preview_size(w, h), duration=preview_seconds(found.duration),
                  video_codec=PREVIEW_CODEC, frame_rate=rate),
    )


@dataclass(frozen=True, slots=True)
class Made:
    name: str
    data: bytes
    content_type: str
    width: int
    height: int


def render_all(original: Path, *, agency: str) -> list[Made]:
    """The poster, the thumbnail and the preview clip of a stored original."""
    from PIL import Image

    poster = _poster(original)
    width, height = poster.size
    thumb = poster.resize(fitted(width, height, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    shown = poster.resize(fitted(width, height, POSTER_EDGE), Image.Resampling.LANCZOS)
    clip, size = _preview(original, agency)
    return [Made(POSTER, _jpeg(shown, 85), JPEG, *shown.size), Made(THUMBNAIL, _jpeg(thumb, 80), JPEG, *thumb.size),
            Made(PREVIEW, clip, MP4, *size)]


def still_size(poster: Rendition) -> tuple[int, int] | None:
    """The site still's size, from the poster rendition the item names."""
    return fitted(poster.width, poster.height, STILL_EDGE) if poster.width and poster.height else None


def still_from(poster_jpeg: bytes, agency: str) -> Made:
    """The site's still of a video: its poster (as stored, so a still made later from a stored
    poster is the same file) within STILL_EDGE, watermarked."""
    from PIL import Image

    with Image.open(io.BytesIO(poster_jpeg)) as poster:
        width, height = poster.size
        im = poster.convert("RGB").resize(fitted(width, height, STILL_EDGE), Image.Resampling.LANCZOS)
    im = watermarked(im, agency)
    return Made(STILL, _jpeg(im, 85), JPEG, *im.size)


def _jpeg(im: Any, quality: int) -> bytes:
    out = io.BytesIO()
    im.save(out, "JPEG", quality=quality)  # no metadata carried over: embed.py adds the version's when served
    return out.getvalue()


def _poster(original: Path) -> Any:
    """The first frame at or after POSTER_AT (or the video's middle, when shorter), upright."""
    with opened(original) as container:
        stream = video_stream(container)
        duration = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else 0.0
        at = min(POSTER_AT, duration / 2)
        if at > 0 and stream.time_base:
            container.seek(int(at / stream.time_base), stream=stream, backward=True, any_frame=False)
        chosen = None
        for frame in container.decode(stream):
            chosen = frame
            if frame.time is None or frame.time >= at - 1e-3:
                break
        if chosen is None:
            raise ValueError("no frame of the video decodes")
        return _upright(chosen.to_image(), _rotation(chosen))


def _rotation(frame: Any) -> int:
    return int(getattr(frame, "rotation", 0) or 0) % 360


def _upright(im: Any, rotation: int) -> Any:
    """Turned as the display matrix says (counter-clockwise degrees, as PIL turns)."""
    return im.rotate(rotation, expand=True) if rotation else im


def _preview(original: Path, agency: str) -> tuple[bytes, tuple[int, int]]:
    """The preview clip's bytes and its (displayed) size."""
    import av

    with opened(original) as source, tempfile.NamedTemporaryFile(suffix=".mp4") as spool:
        stream = video_stream(source)
        sound = source.streams.audio[0] if source.streams.audio else None
        first = _first_rotation(original)
        shown = (stream.codec_context.width, stream.codec_context.height)
        if first % 180:
            shown = shown[::-1]
        size = preview_size(*shown)
        coded = size if first % 180 == 0 else size[::-1]  # scaled before it is turned
        source_rate = stream.average_rate or stream.guessed_rate
        rate = Fraction(source_rate) if source_rate and source_rate <= PREVIEW_FPS else Fraction(PREVIEW_FPS)
        with av.open(spool.name, "w", format="mp4", options={"movflags": "+faststart"}) as out:
            video = out.add_stream("libx264", rate=rate)
            video.width, video.height, video.pix_fmt = size[0], size[1], "yuv420p"
            video.options = {"crf": "28", "preset": "veryfast", "profile": "main"}
            audio = out.add_stream("aac", rate=48_000) if sound is not None else None
            if audio is not None:
                audio.layout = "stereo"
            _copy(source, [stream] if sound is None else [stream, sound], out, (video, audio), rate, coded, first,
                  watermark(size, agency))
        return Path(spool.name).read_bytes(), size


def _first_rotation(original: Path) -> int:
    with opened(original) as container:
        for frame in container.decode(video_stream(container)):
            return _rotation(frame)
    return 0


def _copy(source: Any, streams: list[Any], out: Any, to: tuple[Any, Any], rate: Fraction, coded: tuple[int, int],
          rotation: int, layer: Any) -> None:
    """Decode the first PREVIEW_SECONDS, scale, turn, watermark and encode at ``rate`` (a
    faster original's frames dropped); the sound resampled to 48 kHz stereo."""
    import av

    video, audio = to
    mark = _Mark(layer)
    resampler = av.AudioResampler(format="fltp", layout="stereo", rate=48_000) if audio is not None else None
    last, samples, start = -1, 0, None
    for frame in _frames(source, streams):
        seconds = float(frame.time) if frame.time is not None else 0.0
        start = seconds if start is None else start
        at = seconds - start
        if at >= PREVIEW_SECONDS:
            if isinstance(frame, av.VideoFrame) or resampler is None:
                break
            continue
        if isinstance(frame, av.VideoFrame):
            slot = round(at * rate)
            if slot <= last:
                continue  # faster than the preview's rate: dropped
            last = slot
            made = mark.on(frame.reformat(width=coded[0], height=coded[1], format="rgb24",
                                          interpolation="BILINEAR").to_ndarray(), rotation)
            made.pts, made.time_base = slot, 1 / rate
            out.mux(video.encode(made))
        elif resampler is not None:
            for piece in resampler.resample(frame):
                piece.pts, piece.time_base = samples, Fraction(1, 48_000)
                samples += piece.samples
                out.mux(audio.encode(piece))
    out.mux(video.encode(None))
    if audio is not None:
        out.mux(audio.encode(None))


class _Mark:
    """The watermark laid on each frame: blended only where the layer has ink."""

    def __init__(self, layer: Any) -> None:
        import numpy as np

        rgba = np.asarray(layer, dtype=np.uint16)
        rows, cols = np.nonzero(rgba[:, :, 3])
        self.box = (rows.min(), rows.max() + 1, cols.min(), cols.max() + 1) if rows.size else None
        if self.box is not None:
            top, bottom, left, right = self.box
            part = rgba[top:bottom, left:right]
            self.alpha = part[:, :, 3:4]
            self.ink = part[:, :, :3] * self.alpha

    def on(self, pixels: Any, rotation: int) -> Any:
        import av
        import numpy as np

        if rotation:
            pixels = np.rot90(pixels, k=rotation // 90)
        pixels = np.ascontiguousarray(pixels)
        if self.box is not None:
            top, bottom, left, right = self.box
            part = pixels[top:bottom, left:right].astype(np.uint16)
            pixels[top:bottom, left:right] = ((part * (255 - self.alpha) + self.ink) // 255).astype(np.uint8)
        return av.VideoFrame.from_ndarray(pixels, format="rgb24")


def _frames(source: Any, streams: list[Any]) -> Iterator[Any]:
    """Decoded frames of ``streams`` in the file's order; a damaged packet is skipped."""
    import av

    for packet in source.demux(*streams):
        try:
            yield from packet.decode()
        except (av.InvalidDataError, ValueError):
            continue
