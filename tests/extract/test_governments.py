import pytest

from tests.helpers import relation_names

UK_CUES = "MPs at Westminster and in the Commons voted. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "the government" in news from the UK is its government
        (
            UK_CUES + "Jane Roe criticised the government over its plans.",
            {("Jane Roe", "criticizes", "Government of the United Kingdom")},
        ),
        # another government, or news from nowhere in particular: no such node
        (UK_CUES + "Jane Roe criticised the Iraqi government over its plans.", set()),
        (UK_CUES + "Jane Roe criticised the government of Iraq over its plans.", set()),
        ("Jane Roe criticised the government over its plans.", set()),
        # the government before the plans it makes, and no other government's
        (
            UK_CUES + "Jane Roe said government proposals were unrealistic.",
            {("Jane Roe", "criticizes", "Government of the United Kingdom")},
        ),
        (UK_CUES + "Jane Roe criticised local government plans.", set()),
        # a union congress is British news too
        (
            "The TUC said so, and TUC unions agreed. The TUC has called on the government to "
            "appoint more inspectors.",
            {("Trades Union Congress", "requests", "Government of the United Kingdom")},
        ),
    ],
)
def test_the_government_of_the_articles_country(extract_text, text, expected):
    found = {r for r in relation_names(extract_text(text)) if r[1] != "memberOf"}
    assert found == expected
