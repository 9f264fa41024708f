import Foundation

/// The demo project that ships with termlabel: an ontology that uses every question type and
/// tasks to label. `swift run termlabel` copies it to a writable place and opens it.
public enum DemoProject {
    public static var directory: URL? { Bundle.module.url(forResource: "demo", withExtension: nil) }
    public static var ontology: URL? { directory?.appendingPathComponent("ontology.json") }
    public static var tasks: URL? { directory?.appendingPathComponent("tasks.jsonl") }
}
