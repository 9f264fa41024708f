import FuzzSupport

runFuzzer(fuzzAssetsAngo)
