import FuzzAssets
import FuzzSupport

/// The JSON array asset reader (a list of records; one object is read as a list of one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssetsJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkAssets(fuzzInput(data, size), file: "assets.json")
    return 0
}
