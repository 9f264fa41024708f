import LabelCore

/// The task list as a frame shows it: a filter, a selection and the window of rows read around
/// it. `QueuePager` moves it; views draw it.
struct QueueModel: Equatable {
    static let filters: [(String, Set<TaskStatus>?)] = [
        ("all", nil), ("new", [.new]), ("draft", [.draft]), ("skipped", [.skipped]), ("submitted", [.submitted]),
        ("rejected", [.rejected]), ("accepted", [.accepted]), ("on hold", [.hold]),
    ]
    var filterIndex = 0
    var count = 0
    var selected = 0
    var offset = 0
    var cacheStart = 0
    var cache: [QueueRow] = []

    var filterName: String { Self.filters[filterIndex].0 }
    var filter: QueueFilter { QueueFilter(statuses: Self.filters[filterIndex].1) }

    func row(_ index: Int) -> QueueRow? {
        let i = index - cacheStart
        return cache.indices.contains(i) ? cache[i] : nil
    }
}
