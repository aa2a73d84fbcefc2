"""Is an upload really a video we take, and what does it say about itself?

The bytes decide, as for pictures: an ISO base media file (MP4, QuickTime MOV) starts with an
``ftyp`` box whose brands say what it is (HEIC pictures are ISO files too, with brands of
their own). It is then opened with PyAV (FFmpeg, inside the wheel) through the QuickTime/MP4
demuxer only, and must hold a video stream in H.264 or H.265 whose frame is within
``settings.media_max_pixels``; every sample the index names must lie inside the file (a
truncated upload is refused here, not found by the worker) and the first frame must decode.

PyAV is the optional extra ``newswire[video]`` (``make install`` installs it); without it a
video upload answers 415 saying so. It is imported when the first video is opened.
"""

from __future__ import annotations

import importlib.util
import re
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newswire.media.metadata import PictureMeta, clean
from newswire.media.probe import Refused

DECLARED = {"video/mp4": "video/mp4", "video/quicktime": "video/quicktime", "video/x-m4v": "video/mp4"}
CODECS = {"h264": "H.264", "hevc": "H.265"}  # FFmpeg's decoder name -> ninjs videoCodec
QUICKTIME_BRANDS = frozenset({b"qt  "})
MP4_BRANDS = frozenset({b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"hvc1",
                        b"M4V ", b"M4VH", b"M4VP", b"MSNV", b"XAVC", b"dash", b"f4v "})
HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis", b"avif"})
SNIFF_BYTES = 64
DECODE_FRAMES = 4  # decoded at upload: a file whose first frames do not decode is refused


def available() -> bool:
    """Whether PyAV is installed (the extra ``newswire[video]``)."""
    return importlib.util.find_spec("av") is not None


def accepted_types() -> list[str]:
    return sorted(DECLARED)


def sniffed(head: bytes) -> str | None:
    """``video/mp4`` or ``video/quicktime`` when the first bytes are an ``ftyp`` box of a
    movie's brands (the major brand, or a compatible one when the major brand is not a
    picture's); None for anything else."""
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    size = struct.unpack(">I", head[:4])[0]
    major = head[8:12]
    compatible = {head[i:i + 4] for i in range(16, min(size, len(head)) - 3, 4)}
    if major in QUICKTIME_BRANDS:
        return "video/quicktime"
    if major in MP4_BRANDS or (major not in HEIF_BRANDS and compatible & MP4_BRANDS):
        return "video/mp4"
    return None


def sniff_file(path: Path) -> str | None:
    with path.open("rb") as f:
        return sniffed(f.read(SNIFF_BYTES))


@dataclass(frozen=True, slots=True)
class VideoProbe:
    content_type: str  # video/mp4 or video/quicktime, as the bytes say
    width: int  # as displayed: the display matrix's rotation applied
    height: int
    duration: float  # seconds
    codec: str  # "H.264" or "H.265"
    frame_rate: float | None
    rotation: int  # counter-clockwise degrees the stored frames are turned by to display them
    meta: PictureMeta  # what the container's tags say (title, comment, creation time, ...)
    has_sound: bool


def refuse_unavailable() -> Refused:
    return Refused(415, "Video not supported here",
                   "This wire was installed without video support: install the extra newswire[video] "
                   "(PyAV), as make install does, to take MP4 and MOV uploads.")


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """The file through FFmpeg's QuickTime/MP4 demuxer only (no other format is probed)."""
    if not available():
        raise refuse_unavailable()
    import av

    try:
        container = av.open(str(path), format="mov", metadata_errors="replace")
    except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError) as exc:
        raise Refused(422, "Unreadable video", f"The video cannot be read: {_reason(exc)}.") from exc
    with container:
        yield container


def video_stream(container: Any) -> Any:
    if not container.streams:
        raise Refused(422, "Unreadable video", "No stream can be read from the file: it is corrupt or cut short.")
    streams = [s for s in container.streams.video if not s.disposition & _attached_pic()]
    if not streams:
        raise Refused(422, "No video stream", "The file holds no video stream (sound only, or nothing at all).")
    return streams[0]


def _attached_pic() -> int:
    import av

    return int(av.stream.Disposition.attached_pic)


def probe(path: Path, declared: str | None, max_pixels: int) -> VideoProbe:
    media = (declared or "").split(";")[0].strip().lower()
    found = sniff_file(path)
    if found is None:
        raise Refused(415, "Type mismatch", f"The bytes are not an MP4 or QuickTime video, as {media or 'no type'} "
                                            "declares.")
    if media not in DECLARED:
        raise Refused(415, "Type mismatch",
                      f"The bytes are a video ({found}), not {media or 'of no type'} as declared.")
    size = path.stat().st_size
    with opened(path) as container:
        stream = video_stream(container)
        name = stream.codec_context.name
        if name not in CODECS:
            raise Refused(415, "Unsupported video codec",
                          f"The video is coded as {name}; the wire takes H.264 and H.265.")
        width, height = stream.codec_context.width, stream.codec_context.height
        if width < 1 or height < 1 or width * height > max_pixels:
            raise Refused(413, "Video too large",
                          f"The video's frames are {width}x{height} pixels; the most taken is {max_pixels}.")
        _whole(stream, size)
        rotation = _first_frames(container, stream)
        duration = _duration(container, stream)
        rate = stream.average_rate or stream.guessed_rate
        meta = _tags({**{k.lower(): v for k, v in stream.metadata.items()},
                      **{k.lower(): v for k, v in container.metadata.items()}})
        has_sound = bool(container.streams.audio)
    if rotation % 180:
        width, height = height, width
    return VideoProbe(found, width, height, duration, CODECS[name], round(float(rate), 3) if rate else None,
                      rotation, meta, has_sound)


def _whole(stream: Any, size: int) -> None:
    """Every sample the container's index names lies inside the file."""
    entries = stream.index_entries
    if len(entries) == 0:
        raise Refused(422, "Unreadable video", "The video stream has no frames.")
    end = max(e.pos + e.size for e in entries)
    if end > size:
        raise Refused(422, "Truncated video",
                      f"The video names frames up to byte {end} but the file has {size} bytes: it was cut short.")


def _first_frames(container: Any, stream: Any) -> int:
    """Decode the first frames (a corrupt stream is refused); the display rotation."""
    import av

    rotation, decoded = 0, 0
    try:
        for frame in container.decode(stream):
            rotation = int(getattr(frame, "rotation", 0) or 0)
            decoded += 1
            if decoded >= DECODE_FRAMES:
                break
    except (av.FFmpegError, ValueError) as exc:
        raise Refused(422, "Unreadable video", f"The video is corrupt: {_reason(exc)}.") from exc
    if decoded == 0:
        raise Refused(422, "Unreadable video", "No frame of the video decodes.")
    return rotation % 360


def _duration(container: Any, stream: Any) -> float:
    if stream.duration is not None and stream.time_base:
        seconds = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        seconds = container.duration / 1_000_000
    else:
        seconds = 0.0
    return round(max(0.0, seconds), 3)


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return " ".join(str(text).split())[:200] or exc.__class__.__name__


# -- the container's tags ---------------------------------------------------------------------

_ISO6709 = re.compile(r"([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)")


def _tags(tags: dict[str, str]) -> PictureMeta:
    """What an MP4/QuickTime file says of itself (QuickTime keys, iTunes-style atoms and
    FFmpeg's names for them): title -> headline, comment/description -> caption, artist or
    author -> creator, copyright, keywords, creation time, ISO 6709 location -> GPS."""
    def first(*keys: str) -> str | None:
        for key in keys:
            value = clean(tags.get(key))
            if value:
                return value
        return None

    caption = next((clean(tags[k], multiline=True) for k in ("comment", "description", "synopsis")
                    if clean(tags.get(k))), None)
    values: dict[str, Any] = {
        "headline": first("title", "com.apple.quicktime.title"),
        "caption": caption,
        "copyright": first("copyright", "com.apple.quicktime.copyright"),
        "created": _created(first("com.apple.quicktime.creationdate", "creation_time", "date")),
        "gps": _location(first("location", "com.apple.quicktime.location.iso6709", "location-eng")),
        "camera": first("com.apple.quicktime.model", "model"),
    }
    creator = first("artist", "author", "com.apple.quicktime.author", "com.apple.quicktime.artist")
    if creator:
        values["creators"] = (creator,)
    keywords = first("keywords", "com.apple.quicktime.keywords")
    if keywords:
        values["keywords"] = tuple(k for k in (clean(p) for p in re.split(r"[,;]", keywords)) if k)
    return PictureMeta(**values)


def _created(value: str | None) -> datetime | None:
    if not value:
        return None
    from newswire.model import parse_time

    try:
        moment = parse_time(value)
    except ValueError:
        return None
    return None if moment.year < 1971 else moment  # 1904/1970: a camera's unset clock


def _location(value: str | None) -> tuple[float, float] | None:
    m = _ISO6709.match(value or "")
    if not m:
        return None
    lat, lon = float(m[1]), float(m[2])
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0) else None
