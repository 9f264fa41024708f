import FuzzAssets
import FuzzSupport

/// The JSON Lines asset reader (one record per line; a bad line is reported with its own number).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssetsJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkAssets(fuzzInput(data, size), file: "assets.jsonl")
    return 0
}
