import DemoProject
import Foundation
import LabelCore
import PostgresStore
import TerminalUI

/// A project of many tasks on PostgreSQL beside the same on SQLite: what an annotator feels.
enum StoreScale {
    static func run(tasks: Int, postgres: DatabaseURL?) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("termlabel-scale-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let assets = (work as NSString).appendingPathComponent("assets.jsonl")
        try BenchmarkCommand.writeAssets(count: tasks, to: assets)
        let ontology = (work as NSString).appendingPathComponent("ontology.json")
        try ScratchProject.ontology.write(toFile: ontology, atomically: true, encoding: .utf8)
        print("")
        print("A project of \(tasks) tasks (four annotators claiming and submitting for 5 s):")
        print("| store | init | init peak memory | open to first frame | claim+submit p50 | claim+submit p99 | export | export peak memory |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        var backends: [(String, DatabaseURL?)] = [("SQLite", nil)]
        if let postgres { backends.append(("PostgreSQL", postgres)) }
        for (name, url) in backends {
            let dir = (work as NSString).appendingPathComponent(name)
            var arguments = ["init", dir, "--ontology", ontology, "--assets", assets]
            if let url { arguments += ["--database", url.withoutPassword, "--schema", "scale_\(getpid())"] }
            let made = try ChildRun.termlabel(arguments)
            let project = try ScratchProject.adopt(directory: dir)
            defer { project.remove() }
            let opened = try openToFirstFrame(project)
            let load = try StoreLoad.measure(annotators: 4, seconds: 5, on: project)
            let exported = try ChildRun.termlabel(["export", dir, "--stage", "Label", "-o", (work as NSString).appendingPathComponent("\(name).json")])
            print(String(format: "| %@ | %.1f s | %.0f MB | %.0f ms | %.2f ms | %.2f ms | %.1f s | %.0f MB |", name, made.seconds, made.peakMB, opened,
                         Latency.percentile(load.cycle, 0.5), Latency.percentile(load.cycle, 0.99), exported.seconds, exported.peakMB))
        }
    }

    /// Milliseconds from opening the project to the first 200x60 frame drawn, as `label` does.
    static func openToFirstFrame(_ project: ScratchProject) throws -> Double {
        let start = ContinuousClock.now
        let store = try project.open()
        let session = try LabelController(store: store, stage: .label, user: "first-frame", clock: ManualClock(0))
        var frame = Screen(width: 200, height: 60)
        LabelApp.draw(session, on: &frame)
        return Latency.milliseconds(ContinuousClock.now - start)
    }
}
