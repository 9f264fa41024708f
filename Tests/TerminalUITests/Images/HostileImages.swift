import Foundation

/// The hostile pictures of scripts/make-hostile-images, written once per test run into a
/// temporary folder, removed when the test process exits.
enum HostileImages {
    static let folder: String = {
        let folder = NSTemporaryDirectory() + "termlabel-hostile-\(ProcessInfo.processInfo.processIdentifier)"
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root + "/scripts/make-hostile-images", folder]
        try? process.run()
        process.waitUntilExit()
        atexit { try? FileManager.default.removeItem(atPath: HostileImages.folder) }
        return folder
    }()

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
    }
}
