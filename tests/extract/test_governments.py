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
    ],
)
def test_the_government_of_the_articles_country(extract_text, text, expected):
    found = {r for r in relation_names(extract_text(text)) if r[1] != "memberOf"}
    assert found == expected
