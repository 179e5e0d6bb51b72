"""A user's portrait for their CVs, kept with the account (one face for every CV).

Three kinds per user, at most one row each: ``photo`` (the 400×400 JPEG the designs show),
``draft`` (the upload re-encoded and bounded, kept so the crop can be changed later without
uploading again) and ``offered`` (a portrait found in an imported PDF, shown until the user
accepts or dismisses it: never used silently). Every stored image was decoded and re-encoded
by app/lib/photo/clean.py: no byte of an upload is kept as it came.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, UserOwned, UUIDPrimaryKey

PHOTO_KINDS = ("photo", "draft", "offered")


class UserPhoto(UserOwned, UUIDPrimaryKey, Created, Base):
    __tablename__ = "user_photo"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    kind: Mapped[str] = mapped_column(String(16))
    image: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG, metadata-free
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    # The CV an offered portrait was found in (gone with it: the offer then stays, harmless).
    source_cv_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True
    )
