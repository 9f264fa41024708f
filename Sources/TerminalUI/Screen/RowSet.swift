/// A set of row numbers of a screen, as bits: what a `Screen` notes as changed since it was last
/// shown, so a renderer compares those rows and no others.
public struct RowSet: Equatable, Sendable {
    private var words: [UInt64] = []

    public init() {}

    public init<Rows: Sequence<Int>>(_ rows: Rows) {
        for row in rows { insert(row) }
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// How many rows are in the set.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public func contains(_ row: Int) -> Bool {
        guard row >= 0, row >> 6 < words.count else { return false }
        return words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    /// Adds `row` (a negative row is ignored).
    public mutating func insert(_ row: Int) {
        guard row >= 0 else { return }
        let word = row >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
        words[word] |= 1 << UInt64(row & 63)
    }

    /// Adds every row of `rows`.
    public mutating func insert(_ rows: Range<Int>) {
        for row in rows.clamped(to: 0..<Int.max) { insert(row) }
    }

    /// Empties the set, keeping its storage.
    public mutating func removeAll() {
        for i in words.indices { words[i] = 0 }
    }

    /// The rows in increasing order.
    public var sorted: [Int] {
        var rows: [Int] = []
        for (i, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                rows.append(i << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return rows
    }

    /// Equal when they hold the same rows (whatever storage each has grown).
    public static func == (a: RowSet, b: RowSet) -> Bool {
        let n = max(a.words.count, b.words.count)
        for i in 0..<n where (i < a.words.count ? a.words[i] : 0) != (i < b.words.count ? b.words[i] : 0) { return false }
        return true
    }
}
