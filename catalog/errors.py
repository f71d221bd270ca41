"""Errors that stop a command. Problems that only affect one record are not errors:
they go into the build report (``catalog.report``) and the build carries on."""

from __future__ import annotations

import click


class CatalogError(click.ClickException):
    """Base class: click prints the message and exits with status 1."""


class ConfigError(CatalogError):
    """``catalog.toml`` is missing, unreadable or invalid. Lists every problem at once."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Cấu hình {path} có lỗi / configuration errors in {path}:\n{lines}")


class ProjectError(CatalogError):
    """The folder given is not a catalog project."""


class BuildError(CatalogError):
    """The build could not produce a site at all (not: some records had problems)."""
