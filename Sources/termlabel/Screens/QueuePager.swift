import LabelCore
import TerminalUI

/// What the task list needs from a project: counts, pages and positions in a filtered queue.
protocol QueuePages {
    func count(_ filter: QueueFilter) throws -> Int
    func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow]
    func position(of taskId: Int64, in filter: QueueFilter) throws -> Int?
    /// The rows of these tasks as they are now (in no order; a task that is gone is left out),
    /// or nil when the project cannot read rows by task.
    func rows(ids: [Int64]) throws -> [QueueRow]?
}

extension QueuePages {
    func rows(ids: [Int64]) throws -> [QueueRow]? { nil }
}

/// A project store as the pages of its queue.
struct StorePages: QueuePages {
    let store: any ProjectStore
    func count(_ filter: QueueFilter) throws -> Int { try store.count(filter) }
    func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] { try store.page(filter, offset: offset, limit: limit) }
    func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? { try store.position(of: taskId, in: filter) }
    func rows(ids: [Int64]) throws -> [QueueRow]? { try (store as? SQLiteProjectStore)?.queueRows(ids: ids) }
}

/// Pages the task list: the selection, the filter, and a window of rows read only when the
/// visible part moves out of it, so a project of any size costs the same to show.
struct QueuePager {
    let pages: any QueuePages
    private(set) var window = QueueModel()
    /// Rows read beyond the visible ones on each side, so a few moves read nothing.
    static let margin = 100

    init(_ pages: any QueuePages) { self.pages = pages }

    /// Counts the filtered queue again; with `follow`, the selection goes to that task's row.
    mutating func refresh(follow taskId: Int64?) throws {
        window.count = try pages.count(window.filter)
        if let taskId, let position = try pages.position(of: taskId, in: window.filter) { window.selected = position }
        window.selected = max(0, min(window.selected, window.count - 1))
        window.cache = []
    }

    /// Tasks moved between statuses (a submit, a skip, a task opened): counts the queue again
    /// and follows `taskId`. When every task stays where it was (all statuses shown, none added
    /// or removed: the list's order is by priority and id, not status), the window keeps its
    /// rows and only the `changed` tasks' rows are read again; else the window is read again.
    mutating func refresh(follow taskId: Int64?, changed: Set<Int64>) throws {
        let count = try pages.count(window.filter)
        guard window.filter.statuses == nil, count == window.count, try update(changed) else {
            try refresh(follow: taskId)
            return
        }
        if let taskId {
            if let index = window.cache.firstIndex(where: { $0.id == taskId }) {
                window.selected = window.cacheStart + index
            } else if let position = try pages.position(of: taskId, in: window.filter) {
                window.selected = position
            }
        }
        window.selected = max(0, min(window.selected, window.count - 1))
    }

    /// The `changed` tasks' rows (a status, the time spent) are read again where the window
    /// holds them. False when that cannot be done and the window was emptied, to be read again
    /// when next shown: under a status filter (the rows may have left it or joined it: it is
    /// counted again too), or from a project that cannot read rows by task.
    @discardableResult
    mutating func update(_ changed: Set<Int64>) throws -> Bool {
        if window.filter.statuses != nil {
            try refresh(follow: nil)
            return false
        }
        guard !window.cache.isEmpty else { return false }
        let held = window.cache.indices.filter { changed.contains(window.cache[$0].id) }
        if held.isEmpty { return true }
        guard let rows = try pages.rows(ids: held.map { window.cache[$0].id }) else {
            window.cache = []
            return false
        }
        let byId = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in held {
            guard let row = byId[window.cache[index].id] else {
                // A task is gone: the rows after it moved up.
                window.cache = []
                return false
            }
            window.cache[index] = row
        }
        return true
    }

    /// The rows changed (a status): read them again when next shown.
    mutating func invalidate() { window.cache = [] }

    mutating func select(_ index: Int) { window.selected = max(0, min(window.count - 1, index)) }

    /// Before a frame with `visibleRows` rows: the window follows the selection and its rows are read.
    mutating func settle(visibleRows: Int) throws {
        guard visibleRows > 0 else { return }
        window.offset = ScrollList.scrollOffset(selected: window.selected, current: window.offset, visibleRows: visibleRows, count: window.count)
        let need = window.offset..<min(window.count, window.offset + visibleRows)
        if need.isEmpty { return }
        let have = window.cacheStart..<(window.cacheStart + window.cache.count)
        if have.contains(need.lowerBound), have.contains(need.upperBound - 1) { return }
        let start = max(0, window.offset - Self.margin)
        window.cache = try pages.page(window.filter, offset: start, limit: visibleRows + 2 * Self.margin)
        window.cacheStart = start
    }

    /// The selected row, read from the project if it is outside the window.
    func selectedRow() throws -> QueueRow? {
        if let row = window.row(window.selected) { return row }
        return try pages.page(window.filter, offset: window.selected, limit: 1).first
    }

    /// The next status filter (all, new, draft, …), from the top.
    mutating func cycleFilter() throws {
        window.filterIndex = (window.filterIndex + 1) % QueueModel.filters.count
        window.selected = 0
        window.offset = 0
        try refresh(follow: nil)
    }

    /// Selects a task's row, showing all tasks if the filter hides it; false if it is nowhere.
    mutating func reveal(_ taskId: Int64) throws -> Bool {
        if window.filterIndex != 0, try pages.position(of: taskId, in: window.filter) == nil {
            window.filterIndex = 0
            try refresh(follow: nil)
        }
        guard let position = try pages.position(of: taskId, in: window.filter) else { return false }
        window.selected = position
        return true
    }
}
