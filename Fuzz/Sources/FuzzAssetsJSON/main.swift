import FuzzSupport

runFuzzer(fuzzAssetsJSON)
