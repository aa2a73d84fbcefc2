"""The sample video ``make run`` publishes: a few seconds of drawn frames (a sun crossing a sky
above the sea, a marker running along the bottom) and a tone, encoded here with PyAV when the
demo loads its samples, with its title, caption and creator written into the MP4 container as
a camera or an edit suite would; then uploaded as the video desk would, so the wire reads it
back like any agency clip and the media worker makes its poster, thumbnail and preview. No
video is downloaded or shipped.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from newswire.media import video
from newswire.media.blobs import store_for
from newswire.media.upload import Upload, publish_media
from newswire.media.video_synth import Clip, encode
from newswire.wire import Wire

URI = "urn:newswire:sample:north-sea-storm-video"
CLIP = Clip(width=640, height=360, seconds=4, fps=25, tone=True, crf=28, metadata={
    "title": "The sun over the North Sea before the storm",
    "comment": "The sun crosses a clear sky above the North Sea coast hours before the season's first severe "
               "storm. (Drawn animation for the newswire demo.)",
    "artist": "Newswire Graphics", "copyright": "© 2026 Newswire samples",
    "creation_time": "2026-11-30T07:30:00Z",
})


def load_video(wire: Wire) -> int:
    """Publish the sample video (once: the same bytes again append nothing); 0 without PyAV."""
    if not video.available():
        return 0
    blobs = store_for(wire.settings)
    with tempfile.TemporaryDirectory(prefix="newswire-sample-") as folder:
        path = encode(Path(folder) / "north-sea.mp4", CLIP)
        result = publish_media(wire, blobs, Upload(path, "video/mp4", uri=URI, public=False))
    return 1 if result.created else 0
