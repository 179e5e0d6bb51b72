"""Rendered CVs: PDF download, HTML preview, changes view, versions, design choice."""

from app.domain.renders.api import RenderApi
from app.domain.renders.pages import RenderPages

__all__ = ["RenderApi", "RenderPages"]
