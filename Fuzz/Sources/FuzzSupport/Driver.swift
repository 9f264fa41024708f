import CLibFuzzer
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs libFuzzer with this process's arguments, calling `target` with each input.
///
/// Each target's `main.swift` calls this rather than leaving `main` to libFuzzer: SwiftPM links
/// an executable's `main` to its module's own entry point (`--defsym main=Module_main`), which a
/// target built with `-parse-as-library` and only `LLVMFuzzerTestOneInput` lacks, so it fails to
/// link. With a `main.swift` the entry point exists and libFuzzer's own `main` is never linked.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
