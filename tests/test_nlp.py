import pytest

from kgraph.errors import KgraphError
from kgraph.nlp import choose_model, mentions_in


def mentions(config, text):
    return mentions_in(config.nlp()(text), config.knowledge())


def test_pipeline_has_kgraph_components_around_the_ner(config):
    names = config.nlp().pipe_names
    assert (
        names.index("kgraph_gazetteer") < names.index("ner") < names.index("kgraph_entity_cleaner")
    )
    assert names.index("kgraph_paragraphs") < names.index("parser")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(KgraphError, match="not installed"):
        choose_model("no_such_pipeline_xyz")


def test_possessives_and_determiners_are_stripped(config):
    found = mentions(config, "Trump’s team met the Democratic Socialists of America on Friday.")
    surfaces = {m.surface for m in found}
    assert "Trump" in surfaces
    assert "Democratic Socialists of America" in surfaces
    assert not any(s.endswith("’s") or s.lower().startswith("the ") for s in surfaces)


def test_gazetteer_acronyms_are_organisations(config):
    found = mentions(config, "He criticised ICE and praised the NYPD.")
    kinds = {m.surface: m.kind for m in found}
    assert kinds.get("ICE") == "Organization"
    assert kinds.get("NYPD") == "Organization"


def test_title_before_a_name_is_kept(config):
    found = mentions(config, "Former Mayor Eric Adams met New York Governor Kathy Hochul.")
    titles = {m.surface: m.title for m in found}
    assert titles["Eric Adams"] == "Former Mayor"
    assert titles["Kathy Hochul"] == "New York Governor"


def test_photo_credits_are_not_mentions(config):
    found = mentions(config, "The mayor spoke on Friday. [AP Photo/Evan Vucci]")
    assert "Evan Vucci" not in {m.surface for m in found}


def test_blank_lines_end_sentences(config):
    doc = config.nlp()("Perspective\n\nThe mayor met the governor.")
    assert [s.text.strip() for s in doc.sents][0] == "Perspective"
