"""catalog.toml: typed values, defaults, and every error reported at once."""

from __future__ import annotations

import pytest

from catalog.access.tiers import Tier
from catalog.config import load_config
from catalog.errors import ConfigError, ProjectError


def write(tmp_path, text):
    (tmp_path / "catalog.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_reads_all_settings(tmp_path):
    config = load_config(write(tmp_path, """
title = "Kho lưu trữ"
title_en = "Archive"
languages = ["vi", "en"]
default_access = "public"
new_items = 5
[editions.public]
tiers = ["public"]
[editions.noi-bo]
tiers = ["public", "restricted"]
"""))
    assert config.title == "Kho lưu trữ" and config.language == "vi"
    assert config.default_access is Tier.PUBLIC
    assert config.new_items == 5
    assert config.edition("noi-bo").admits(Tier.RESTRICTED)
    assert not config.edition(None).admits(Tier.RESTRICTED)


def test_every_error_is_reported_at_once(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, """
titel = "typo"
languages = ["vi", "fr"]
default_access = "secret"
new_items = -1
[editions.public]
tiers = ["public", "secret"]
"""))
    problems = caught.value.problems
    assert len(problems) == 5
    text = "\n".join(problems)
    for needle in ('"titel"', "fr", "default_access", "new_items", '"secret"'):
        assert needle in text


def test_secret_can_never_be_an_edition_tier(tmp_path):
    with pytest.raises(ConfigError, match="secret"):
        load_config(write(tmp_path, '[editions.public]\ntiers = ["secret"]\n'))


def test_invalid_toml_says_where(tmp_path):
    with pytest.raises(ConfigError, match="TOML"):
        load_config(write(tmp_path, "title = \n"))


def test_unknown_edition_lists_known_ones(tmp_path):
    config = load_config(write(tmp_path, 'title = "x"\n'))
    with pytest.raises(ConfigError, match="public"):
        config.edition("khong-co")


def test_a_folder_that_is_not_a_project_is_refused(tmp_path):
    with pytest.raises(ProjectError, match="packages"):
        load_config(tmp_path)
    (tmp_path / "packages").mkdir()
    assert load_config(tmp_path).title == tmp_path.name  # defaults without catalog.toml


def test_markdown_raw_html_must_be_true_or_false(tmp_path):
    assert load_config(write(tmp_path, "markdown_raw_html = false\n")).markdown_raw_html is False
    with pytest.raises(ConfigError, match="markdown_raw_html"):
        load_config(write(tmp_path, 'markdown_raw_html = "no"\n'))


def test_public_restricted_and_bundle_editions_exist_without_configuration(tmp_path):
    config = load_config(write(tmp_path, 'title = "Kho"\n'))
    assert set(config.editions) == {"public", "restricted", "bundle"}
    assert config.edition("restricted").admits(Tier.RESTRICTED) and not config.edition("public").admits(Tier.RESTRICTED)
    bundle = config.edition("bundle")
    assert not bundle.admits(Tier.RESTRICTED) and bundle.sealed == {Tier.RESTRICTED}
    assert not any(e.admits(Tier.SECRET) or Tier.SECRET in e.sealed for e in config.editions.values())


def test_an_edition_seals_only_tiers_it_does_not_show_and_never_public_or_secret(tmp_path):
    toml = ('[editions.public]\ntiers = ["public"]\n[editions.usb]\ntiers = ["public"]\nsealed = ["restricted"]\n'
            '[editions.bad]\ntiers = ["public"]\nsealed = ["public", "secret"]\nkey = 1\n')
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, toml))
    text = str(raised.value)
    assert 'tier "secret" is not allowed' in text and '"public" is never sealed' in text
    assert 'Unknown key "editions.bad.key"' in text
    config = load_config(write(tmp_path, toml.split("[editions.bad]")[0]))
    assert config.edition("usb").sealed == {Tier.RESTRICTED}
