"""The graph's vocabulary in one place, so a typo in a term fails at import time."""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

KG_IRI = "https://w3id.org/kgraph/ns#"
DEFAULT_BASE = "https://w3id.org/kgraph/id/"

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


class KG(DefinedNamespace):
    """Terms of the kgraph ontology (``kg:``)."""

    # classes
    Assertion: object
    Tenure: object
    PoliticalParty: object
    AdvocacyGroup: object
    Legislature: object
    PoliceOrganization: object
    RelationProperty: object
    # relation properties
    meets: object
    communicatesWith: object
    requests: object
    cooperatesWith: object
    praises: object
    supports: object
    advises: object
    appoints: object
    criticizes: object
    opposes: object
    threatens: object
    # annotation / data properties
    polarity: object
    evidence: object
    charStart: object
    charEnd: object
    confidence: object
    mentionCount: object
    sourceFile: object
    sha256: object
    holder: object
    post: object
    status: object
    startYear: object
    endYear: object
    negated: object
    modality: object
    statedBy: object
    trigger: object
    supportCount: object
    articleCount: object
    # relation summaries (one per related triple)
    RelationSummary: object
    sourceCount: object
    negatedCount: object
    unassertedCount: object
    contested: object
    supportedBy: object

    _NS = Namespace(KG_IRI)
    _fail = True  # kg:Typo is an AttributeError, not a silent new IRI


PREFIXES = {
    "kg": KG_IRI,
    "kgr": DEFAULT_BASE,
    "schema": str(SCHEMA),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}

# Core political relations and their polarity (1 cooperative, 0 neutral, -1 conflictual).
CORE_RELATIONS: dict[str, int] = {
    "meets": 0,
    "communicatesWith": 0,
    "requests": 0,
    "cooperatesWith": 1,
    "praises": 1,
    "supports": 1,
    "advises": 1,
    "appoints": 0,
    "criticizes": -1,
    "opposes": -1,
    "threatens": -1,
}
SYMMETRIC_RELATIONS = frozenset({"meets", "communicatesWith", "cooperatesWith"})
MEMBER_OF = "memberOf"
ADVISES = "advises"  # the core relation a post in a person's service gives
HOLDS = "holds"

# Entity kinds used across the pipeline, and the schema.org class each maps to.
PERSON, ORGANIZATION, PLACE, POST = "Person", "Organization", "Place", "Post"
