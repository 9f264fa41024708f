// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "termlabel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "termlabel", targets: ["termlabel"]),
        .library(name: "LabelCore", targets: ["LabelCore"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // ncursesw as a system library; the module map links ncursesw (which pulls in tinfo).
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncurses-dev"])]
        ),
        // libchafa as a system library (pixels to symbols, sixel, kitty); pkg-config adds glib's paths.
        .systemLibrary(
            name: "CChafa",
            pkgConfig: "chafa",
            providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]
        ),
        // stb_image from Debian's libstb-dev, compiled once with limits (TerminalUI/Images decodes with it).
        .target(name: "CStbImage"),
        // WebP through Debian's libwebp (libwebp-dev): header, then a decode into termlabel's buffer;
        // libwebpdemux finds an animation's first frame.
        .target(name: "CWebP", linkerSettings: [.linkedLibrary("webpdemux"), .linkedLibrary("webp")]),
        // One HTTP(S) GET through libcurl (Debian's libcurl4-openssl-dev), for pictures of assets.
        .target(name: "CCurlFetch", linkerSettings: [.linkedLibrary("curl")]),
        // The shared core: ontologies, tasks, forms, time, formats, the store. No terminal code.
        .target(
            name: "LabelCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the statements a million rows pass through (BoundStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The project in a shared PostgreSQL database: a ProjectStore over postgres-nio.
        // Its own target so that LabelCore keeps no NIO dependency.
        .target(
            name: "PostgresStore",
            dependencies: [
                "LabelCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The terminal: cells, widths, renderers, keys, widgets. Knows nothing of labeling.
        .target(
            name: "TerminalUI",
            dependencies: ["CNCursesW", "CChafa", "CStbImage", "CWebP"]
        ),
        // The bundled demo project (Resources/demo), opened by a bare `swift run termlabel`.
        .target(
            name: "DemoProject",
            path: "Resources",
            resources: [.copy("demo")]
        ),
        .executableTarget(
            name: "termlabel",
            dependencies: [
                "LabelCore",
                "TerminalUI",
                "DemoProject",
                "PostgresStore",
                "CNCursesW",
                "CCurlFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LabelCoreTests", dependencies: ["LabelCore", "PostgresStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "LabelCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CStbImage", "CWebP"]),
        .testTarget(name: "TermlabelTests", dependencies: ["termlabel", "LabelCore", "TerminalUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LabelCore", "CStbImage"]),
    ]
)
