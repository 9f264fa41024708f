import Foundation
@testable import LabelCore

/// Real files from public repositories, in `<package root>/../shared/real-fixtures/` (never
/// copied into the project). Tests that read them are enabled only where that folder exists.
enum RealFixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Fixtures, LabelCoreTests, Tests, package root
        return url.deletingLastPathComponent().appendingPathComponent("shared/real-fixtures").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: root) }

    /// The path of a file in one kind's folder (`scale-task`, `clearml-frame`).
    static func path(_ kind: String, _ name: String) -> String {
        ((root as NSString).appendingPathComponent(kind) as NSString).appendingPathComponent(name)
    }

    /// The file's bytes.
    static func bytes(_ kind: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(kind, name))))
    }

    /// The file parsed as one JSON document.
    static func json(_ kind: String, _ name: String) throws -> JSONValue {
        try JSONParser.parse(bytes(kind, name))
    }

    /// Every file of a kind but its README, sorted by name.
    static func files(_ kind: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: (root as NSString).appendingPathComponent(kind))) ?? []
        return names.filter { $0 != "README.md" }.sorted()
    }
}
