"""What a model reads from a CV keeps only the source's text: a link label the document does
not write is dropped with the link kept (``app/lib/parsing/model_import/verify.py``)."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.verify import check_cv

SOURCE = """Robin Vale
Data Engineer — robin@example.com
Portfolio: https://robinvale.example/work

Experience
Data Engineer, Blue Orchard Farms, 2020 – present
- Scheduled 40 nightly Airflow pipelines
"""


def test_an_invented_link_label_is_dropped_and_a_real_one_kept() -> None:
    answer = CvContent.model_validate(
        {
            "header": {
                "name": "Robin Vale",
                "links": [
                    {"label": "Nobel Prize page", "url": "https://robinvale.example/work"},
                    {"label": "Portfolio", "url": "https://robinvale.example/work"},
                    {"label": "Portfolio", "url": "https://invented.example/"},
                ],
            }
        }
    )
    checked = check_cv(answer, SOURCE)
    links = [(link.label, link.url) for link in checked.content.header.links]
    assert links == [
        ("", "https://robinvale.example/work"),
        ("Portfolio", "https://robinvale.example/work"),
    ]
    assert {"field": "header.links[0].label", "value": "Nobel Prize page"} in checked.dropped
