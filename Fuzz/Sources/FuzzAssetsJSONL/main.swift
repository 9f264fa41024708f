import FuzzSupport

runFuzzer(fuzzAssetsJSONL)
