"""Short videos encoded here with PyAV from drawn frames: the sample ``make run`` loads, the
tests' fixtures and the benchmark's large file. No video is downloaded or shipped.

A frame is a sky-to-ground gradient with a sun crossing it and a bar moving along the bottom
(so consecutive frames differ and the encoder has real motion to code); ``tone`` adds an AAC
sound track, ``rotation`` a display matrix (as a phone held upright records), ``metadata``
the container's tags (``title``, ``comment``, ``creation_time``, ``location``, ...).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

CODECS = {"h264": "libx264", "hevc": "libx265"}
SOUND_RATE = 48000


@dataclass(frozen=True, slots=True)
class Clip:
    width: int = 64
    height: int = 48
    seconds: float = 1.0
    fps: int = 25
    codec: str = "h264"  # or "hevc"
    container: str = "mp4"  # or "mov"
    metadata: Mapping[str, str] = field(default_factory=dict)
    rotation: int = 0  # counter-clockwise degrees a player turns the picture by
    tone: bool = False  # a sound track too
    faststart: bool = True  # the index before the media data (a truncated file still opens)
    crf: int = 30
    keyframe_seconds: float = 2.0


def frame_pixels(width: int, height: int, index: int, fps: int) -> Any:
    """Frame ``index`` as an RGB numpy array."""
    import numpy as np

    t = index / fps
    rows = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    image = np.empty((height, width, 3), dtype=np.uint8)
    horizon = int(height * 0.65)
    sky = rows[:horizon]
    image[:horizon, :, 0] = (40 + 150 * sky).astype(np.uint8)
    image[:horizon, :, 1] = (90 + 120 * sky).astype(np.uint8)
    image[:horizon, :, 2] = (200 - 40 * sky).astype(np.uint8)
    image[horizon:] = (60, 110, 50)
    # the sun crosses the sky once every eight seconds
    cx = int((0.1 + 0.8 * ((t / 8) % 1)) * width)
    cy = int(horizon * (0.6 - 0.4 * math.sin(math.pi * ((t / 8) % 1))))
    r = max(2, min(width, height) // 10)
    ys, xs = np.ogrid[:height, :width]
    image[(ys - cy) ** 2 + (xs - cx) ** 2 <= r * r] = (250, 220, 90)
    bar = int((index * max(1, width // 50)) % width)
    image[height - max(2, height // 12):, bar:bar + max(2, width // 16)] = (240, 240, 240)
    return image


def encode(path: Path, clip: Clip = Clip()) -> Path:
    """Write ``clip`` to ``path`` (H.264 or H.265 in MP4 or QuickTime)."""
    import av

    options = {"movflags": "+faststart"} if clip.faststart else {}
    with av.open(str(path), "w", format="mov" if clip.container == "mov" else "mp4", options=options) as out:
        for key, value in clip.metadata.items():
            out.metadata[key] = value
        video: Any = out.add_stream(CODECS[clip.codec], rate=clip.fps)
        video.width, video.height, video.pix_fmt = clip.width, clip.height, "yuv420p"
        video.codec_context.gop_size = max(1, round(clip.fps * clip.keyframe_seconds))
        video.options = {"crf": str(clip.crf), "preset": "ultrafast"}
        if clip.codec == "hevc":
            video.options["x265-params"] = "log-level=error"
            video.codec_tag = "hvc1"  # what Apple's players ask of H.265 in MP4
        if clip.rotation:
            video.set_display_rotation(clip.rotation)
        audio = out.add_stream("aac", rate=SOUND_RATE) if clip.tone else None  # every stream before any frame
        frames = max(1, round(clip.seconds * clip.fps))
        for index in range(frames):
            frame = av.VideoFrame.from_ndarray(frame_pixels(clip.width, clip.height, index, clip.fps), format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, clip.fps)
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        if audio is not None:
            _sound(out, audio, clip.seconds)
    return path


def sound_only(path: Path, seconds: float = 1.0) -> Path:
    """An MP4 with an AAC track and no video at all (what a video upload must refuse)."""
    import av

    with av.open(str(path), "w", format="mp4") as out:
        _sound(out, out.add_stream("aac", rate=SOUND_RATE), seconds)
    return path


def _sound(out: Any, audio: Any, seconds: float, rate: int = SOUND_RATE, size: int = 1024) -> None:
    """An A (440 Hz) for ``seconds`` on the AAC stream ``audio``."""
    import av
    import numpy as np

    total = int(seconds * rate)
    for start in range(0, total, size):
        n = np.arange(start, min(total, start + size))
        samples = (0.2 * np.sin(2 * math.pi * 440 * n / rate)).astype(np.float32)[None, :]
        sound = av.AudioFrame.from_ndarray(samples, format="fltp", layout="mono")
        sound.sample_rate, sound.pts = rate, start
        out.mux(audio.encode(sound))
    out.mux(audio.encode(None))
