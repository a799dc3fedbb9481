"""Configuration layers: defaults < [tool.qa] < --config FILE < flags; strict keys."""

from __future__ import annotations

import re
from dataclasses import fields, replace

import pytest

from qa import options
from qa.cli import build_parser, main
from qa.config import Config, load_config, render_config
from qa.errors import ConfigError


def test_defaults(tmp_path):
    config = load_config(cwd=tmp_path)
    assert config.fail_on == "major" and config.mt is True and config.termbase == ()


def test_layers_override_in_order(tmp_path, write):
    write("proj/pyproject.toml", '[tool.qa]\nfail-on = "minor"\nmin-score = 80\n'
                                 'termbase = ["terms/a.csv"]\n')
    (tmp_path / "proj" / "sub").mkdir()
    extra = write("extra.toml", 'fail-on = "critical"\nmt = false\n')
    config = load_config(cwd=tmp_path / "proj" / "sub")
    assert config.fail_on == "minor" and config.min_score == 80.0
    assert config.termbase == (str(tmp_path / "proj" / "terms/a.csv"),)
    config = load_config(extra, cwd=tmp_path / "proj" / "sub")
    assert config.fail_on == "critical" and config.mt is False and config.min_score == 80.0
    config = load_config(extra, {"fail-on": "never", "min-score": None},
                         cwd=tmp_path / "proj" / "sub")
    assert config.fail_on == "never" and config.min_score == 80.0
    assert config.origins["fail-on"] == "command line"


def test_unknown_key_names_key_and_file(tmp_path, write):
    path = write("pyproject.toml", "[tool.qa]\nfail_on = 'major'\nfial-on = 'minor'\n")
    with pytest.raises(ConfigError) as err:
        load_config(cwd=tmp_path)
    assert "fial-on" in str(err.value) and path in str(err.value)


@pytest.mark.parametrize("body,needle", [
    ("fail-on = 'often'", "fail-on"),
    ("min-score = 'high'", "min-score"),
    ("mt = 'yes'", "'mt'"),
    ("select = ['XYZ99']", "names no check"),
    ("termbase = 3", "termbase"),
])
def test_bad_values(tmp_path, write, body, needle):
    path = write("c.toml", body + "\n")
    with pytest.raises(ConfigError, match=needle):
        load_config(path, cwd=tmp_path)


def test_invalid_toml(tmp_path, write):
    path = write("c.toml", "fail-on = \n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path, cwd=tmp_path)


def test_config_show(capsys, tmp_path, monkeypatch, write):
    write("pyproject.toml", '[tool.qa]\nfail-on = "minor"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 0
    out = capsys.readouterr().out
    assert 'fail-on = "minor"' in out and "[tool.qa]" in out and "pyproject.toml" in out


def test_config_error_exit_2(capsys, tmp_path, monkeypatch, write):
    write("pyproject.toml", '[tool.qa]\nbogus = 1\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 2
    err = capsys.readouterr().err
    assert "bogus" in err and err.count("\n") == 1


def test_render_round_trips_values():
    text = render_config(Config(fail_on="minor", select=("alignment",)))
    assert 'select = ["alignment"]' in text and 'fail-on = "minor"' in text


# ── the options table (qa.options.OPTIONS) drives argparse, [tool.qa] and `config --show` ──

# a valid [tool.qa] value per kind of option (a new kind needs one here)
SAMPLES = {
    options.Choice: lambda o: (f'"{o.choices[-1]}"', o.choices[-1]),
    options.Number: lambda o: ("50", 50.0),
    options.Whole: lambda o: ("3", 3),
    options.Switch: lambda o: ("false" if o.default else "true", not o.default),
    options.Glob: lambda o: ('"**/*.de.md"', "**/*.de.md"),
    options.Text: lambda o: (f'"{o.kind.example}"', o.kind.example),
    options.Files: lambda o: ('["a.csv"]', ("ROOT/a.csv",)),
    options.File: lambda o: ('"extra.tsv"', "ROOT/extra.tsv"),
    options.CacheFile: lambda o: ('"off"', "off"),
    options.Selectors: lambda o: ('["alignment"]', ("alignment",)),
    options.ModelDirs: lambda o: ('["back=org/model-en-de"]', (("back", "org/model-en-de"),)),
}


def test_config_fields_are_the_table():
    # (check_options are the [tool.qa.checks.CODE] tables, validated against the checks)
    assert [f.name for f in fields(Config) if f.name not in ("origins", "check_options")] == \
        [o.field for o in options.OPTIONS]
    assert Config() == Config(**{o.field: o.default for o in options.OPTIONS})


def _rooted(value, root):
    """A sample's expected value, ROOT (the pyproject folder) filled in."""
    if isinstance(value, str):
        return value.replace("ROOT", str(root))
    if isinstance(value, tuple):
        return tuple(_rooted(v, root) for v in value)
    return value


def test_every_option_is_in_help_accepted_in_tool_qa_and_shown(capsys, tmp_path,
                                                                monkeypatch, write):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    write("extra.tsv", "button\tSubscribe now\n")
    lines = ["[tool.qa]"]
    for option in options.OPTIONS:
        assert (option.flag or option.key) in help_text, option.key
        lines.append(f"{option.key} = {SAMPLES[type(option.kind)](option)[0]}")
    write("pyproject.toml", "\n".join(lines) + "\n")
    config = load_config(cwd=tmp_path)
    for option in options.OPTIONS:
        expected = _rooted(SAMPLES[type(option.kind)](option)[1], tmp_path)
        assert getattr(config, option.field) == expected, option.key
        assert config.origins[option.key].endswith("pyproject.toml [tool.qa]")
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 0
    shown = capsys.readouterr().out
    for option in options.OPTIONS:
        assert re.search(rf"^{re.escape(option.key)} = .*# .*pyproject.toml", shown, re.M), \
            option.key


def test_flags_set_the_same_keys_as_the_table(tmp_path):
    """Each flag, given on the command line, sets its key in the effective config."""
    parser = build_parser()
    for option in options.OPTIONS:
        if not option.flag:
            continue
        argv = ["check", "de.txt", "en.txt", option.flag]
        if option.flag_value is None:
            argv.append({"min-score": "50", "termbase": "t.csv", "lexicon": "l.dix",
                         "select": "alignment", "ignore": "alignment",
                         "mt-models": "back=org/m", "max-input-mb": "100",
                         "chunk-units": "100"}.get(option.key, option.choices[-1]
                                                        if option.choices else "x"))
        flags = options.flag_values(parser.parse_args(argv))
        assert [k for k, v in flags.items() if v is not None] == [option.key]
        config = load_config(flags=flags, cwd=tmp_path)
        assert config.origins[option.key] == "command line"
        assert getattr(config, option.field) != option.default


@pytest.mark.parametrize("body,needle", [
    ("mt-backend = 'gpu'", "'mt-backend' must be one of auto, marian, ctranslate2, not 'gpu'"),
    ("language-detector = 'cld3'", "'language-detector' must be one of lingua, langdetect"),
    ("mt-beam = 0", "'mt-beam' must be a whole number from 1 to 256"),
    ("min-score = 101", "'min-score' must be a number from 0 to 100, not 101"),
    ("batch-glob = ''", "'batch-glob' must be a glob"),
    ("batch-glob = '/srv/articles/**/de.*'", "write it relative to it"),
    ("mt-cache = 1", "'mt-cache' must be a file path or \"off\""),
    ("lexicon = ['a', 'b']", "'lexicon' takes one file"),
    ("residue-patterns = 'missing.tsv'", "'residue-patterns' file not found"),
    ("mt-models = ['sideways=x']", "say back=FOLDER or forward=FOLDER"),
    ("require-mt = 1", "'require-mt' must be true or false, not 1"),
])
def test_each_kind_names_key_and_file(tmp_path, write, body, needle):
    path = write("c.toml", body + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, cwd=tmp_path)
    message = str(err.value)
    assert needle in message and message.startswith(path) and "\n" not in message


def test_check_tunables_are_set_per_check_validated_and_signed(tmp_path):
    from qa.runner import check_documents

    source = "Die Opposition kritisierte den Besuch. Die Regierung schwieg."
    target = "The opposition criticised the visit. Die Regierung schwieg dazu jedoch."
    (tmp_path / "pyproject.toml").write_text(
        "[tool.qa.checks.UNT01]\ndetector-probability = 1.01\n", encoding="utf-8")
    tuned = load_config(cwd=tmp_path)
    assert tuned.overrides() == {"UNT01": {"DETECTOR_PROBABILITY": 1.01}}
    plain = check_documents(source, target, Config(mt=False, select=("UNT01",)))
    strict = check_documents(source, target, replace(tuned, mt=False, select=("UNT01",)))
    assert [f.code for f in plain.findings] == ["UNT01"]
    assert strict.findings == ()  # no sentence can reach a probability above 1
    assert plain.signature != strict.signature
    assert "[tool.qa.checks.UNT01]" in render_config(tuned)


@pytest.mark.parametrize("body,message", [
    ("[tool.qa.checks.XYZ99]\nz-limit = 2\n", "[checks.XYZ99] names no check"),
    ("[tool.qa.checks.MTB01]\nz-limt = 2\n", "has no setting 'z-limt' (tunable: absolute, z-limit"),
    ("[tool.qa.checks.MTB01]\nz-limit = \"high\"\n", "'z-limit' must be float like its default 2.0"),
    ("[tool.qa.checks.LEX01]\nmin-words = 2.5\n", "'min-words' must be int like its default 5"),
    ("[tool.qa]\nchecks = 3\n", "'checks' must be a table"),
])
def test_bad_check_tunables_name_the_file_and_key(tmp_path, body, message):
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(cwd=tmp_path)
    assert message in str(error.value) and "pyproject.toml" in str(error.value)
