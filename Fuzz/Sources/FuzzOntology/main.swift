import FuzzSupport

runFuzzer(fuzzOntology)
