import FuzzSupport

runFuzzer(fuzzAssetsCSV)
