"""After a build: the embedded Oxigraph store (``oxigraph``), stored SPARQL queries and
their engines (``query``), the local SPARQL endpoint (``serve``), the Graph Store Protocol
loader (``load``) and SHACL validation (``shacl``)."""
