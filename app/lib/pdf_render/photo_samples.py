"""The sample CVs with a photo (docs/samples/cv-*-photo.png), for the README's Photo section.

The portrait is drawn here (a silhouette: no real person's face in the repository) and goes
through the upload's own cleaning (app/lib/photo/clean.py) like any photo.
``python -m app.lib.pdf_render.samples docs/samples`` writes them with the other samples.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image, ImageDraw

from app.lib.photo.clean import crop_square, draft


def sample_photo() -> bytes:
    """A 400×400 JPEG of a grey silhouette on a blue-green background."""
    picture = Image.new("RGB", (600, 600), (96, 150, 160))
    pen = ImageDraw.Draw(picture)
    pen.ellipse((210, 110, 390, 310), fill=(235, 236, 238))  # head
    pen.ellipse((110, 330, 490, 720), fill=(235, 236, 238))  # shoulders
    out = io.BytesIO()
    picture.save(out, format="PNG")
    kept = draft(out.getvalue(), max_bytes=5 * 1024 * 1024, max_pixels=4_000_000)
    return crop_square(kept.jpeg).jpeg


def write_photo_samples(directory: str) -> list[str]:
    """Page 1 of the sample CV in each design, with the sample photo, as PNG."""
    import pypdfium2

    from app.lib.pdf_render.designs import DESIGNS
    from app.lib.pdf_render.fit import render_to_budget
    from app.lib.pdf_render.samples import sample_cv

    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    photo = base64.b64encode(sample_photo()).decode()
    written = []
    for design in DESIGNS:
        result = render_to_budget(
            sample_cv("fr").to_json(),
            design=design,
            locale="fr",
            page_budget=2,
            relevance=None,
            photo=photo,
        )
        document = pypdfium2.PdfDocument(result.pdf)
        try:
            image = document[0].render(scale=110 / 72).to_pil()
        finally:
            document.close()
        png_path = target / f"cv-{design}-photo.png"
        image.quantize(colors=64).save(png_path, optimize=True)
        written.append(str(png_path))
    return written
