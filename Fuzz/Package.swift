// swift-tools-version:6.1
// libFuzzer targets for termlabel's readers and key decoder. A separate package, so the normal
// `swift build` and `swift test` never build them. Build and run with `scripts/fuzz NAME SECONDS`
// (see docs/testing.md); they need `-sanitize=fuzzer`, which links libFuzzer in.
import PackageDescription

let targets: [(name: String, module: String, dependencies: [Target.Dependency])] = [
    ("fuzz-json", "FuzzJSON", ["FuzzSupport", .product(name: "LabelCore", package: "termlabel")]),
    ("fuzz-ontology", "FuzzOntology", ["FuzzSupport", .product(name: "LabelCore", package: "termlabel")]),
    ("fuzz-assets-jsonl", "FuzzAssetsJSONL", ["FuzzAssets"]),
    ("fuzz-assets-json", "FuzzAssetsJSON", ["FuzzAssets"]),
    ("fuzz-assets-csv", "FuzzAssetsCSV", ["FuzzAssets"]),
    ("fuzz-assets-ango", "FuzzAssetsAngo", ["FuzzAssets", .product(name: "LabelCore", package: "termlabel")]),
    ("fuzz-keys", "FuzzKeys", ["FuzzSupport", .product(name: "TerminalUI", package: "termlabel")]),
]

let package = Package(
    name: "termlabel-fuzz",
    platforms: [.macOS(.v15)],
    products: targets.map { .executable(name: $0.name, targets: [$0.module]) },
    dependencies: [.package(name: "termlabel", path: "..")],
    targets: [
        // What every target shares: reading libFuzzer's input, and failing loudly when a check fails.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // The checks every asset reader must pass, whatever the format.
        .target(name: "FuzzAssets", dependencies: ["FuzzSupport", .product(name: "LabelCore", package: "termlabel")]),
    ] + targets.map { target in
        .executableTarget(
            name: target.module,
            dependencies: target.dependencies
        )
    }
)
