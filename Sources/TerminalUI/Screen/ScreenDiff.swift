#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What changed between two frames, as runs of cells to rewrite. The curses renderer copies only
/// these cells into ncurses, which is what keeps a keypress cheap: moving a cursor row in a full
/// 200x60 frame touches two rows, not 12,000 cells.
public enum ScreenDiff {
    /// Cells `x ..< x + count` of row `y` in the new frame.
    public struct Run: Hashable, Sendable {
        public var y: Int
        public var x: Int
        public var count: Int

        public init(y: Int, x: Int, count: Int) {
            self.y = y
            self.x = x
            self.count = count
        }
    }

    /// Unchanged cells between two changes shorter than this are rewritten rather than skipped:
    /// a cursor move costs more bytes than a few cells.
    static let mergeGap = 4

    /// The runs of cells of `new` that differ from `old`; every row in full when there is no old
    /// frame or its size differs. With `rows`, only those rows are compared (the others are known
    /// to be the same: `Screen.rowsChanged(since:)`). A run never starts on a continuation cell nor
    /// ends between the halves of a wide character.
    public static func changes(from old: Screen?, to new: Screen, rows: RowSet? = nil) -> [Run] {
        guard let old, old.width == new.width, old.height == new.height else {
            guard new.width > 0 else { return [] }
            return (0..<new.height).map { Run(y: $0, x: 0, count: new.width) }
        }
        var runs: [Run] = []
        guard new.width > 0, new.height > 0 else { return [] }
        old.cells.withUnsafeBufferPointer { before in
            new.cells.withUnsafeBufferPointer { after in
                if let rows {
                    for y in rows.sorted where y < new.height { compare(row: y, before, after, width: new.width, into: &runs) }
                } else {
                    for y in 0..<new.height { compare(row: y, before, after, width: new.width, into: &runs) }
                }
            }
        }
        return runs
    }

    /// Appends the runs of row `y` that differ.
    private static func compare(row y: Int, _ before: UnsafeBufferPointer<Cell>, _ after: UnsafeBufferPointer<Cell>, width: Int,
                                into runs: inout [Run]) {
        let base = y * width
        // Identical bytes are identical cells (equal strings can differ in bytes, which only
        // sends such rows down the slower cell-by-cell path).
        if memcmp(before.baseAddress! + base, after.baseAddress! + base, width * MemoryLayout<Cell>.stride) == 0 { return }
        var start = -1, end = -1
        var x = 0
        while x < width {
            if before[base + x] != after[base + x] {
                var first = x, last = x + 1
                if after[base + x].isContinuation || before[base + x].isContinuation, first > 0 { first -= 1 }
                if (after[base + x].width == 2 || before[base + x].width == 2), last < width { last += 1 }
                if start >= 0 && first - end < mergeGap {
                    end = max(end, last)
                } else {
                    if start >= 0 { runs.append(Run(y: y, x: start, count: end - start)) }
                    start = first
                    end = last
                }
                x = max(x + 1, last)
            } else {
                x += 1
            }
        }
        if start >= 0 { runs.append(Run(y: y, x: start, count: end - start)) }
    }

    /// How many cells the runs cover.
    public static func cellCount(_ runs: [Run]) -> Int {
        runs.reduce(0) { $0 + $1.count }
    }
}
