"""Rendered CVs: PDF download, HTML preview, changes view, versions, design choice."""
