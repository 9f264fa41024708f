import LabelCore

/// The labeling screen. (Being built: see issue 3.)
enum LabelApp {
    static func run(store: SQLiteProjectStore, stage: Stage, user: String) throws {
        throw Diagnostic(.error, "the labeling screen is not built yet")
    }
}
