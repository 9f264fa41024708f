import Foundation
import LabelCore

/// Generated inputs for `benchmark --sizes`: JSON Lines records and an Ango export with answers
/// and stage history, written as bytes straight into a buffer (a million tasks in seconds).
struct BenchmarkInputs {
    /// The benchmark's ontology: one required radio question.
    static let ontology = """
        {"tools": [], "relations": [], "classifications": [
          {"tool": "radio", "title": "Sentiment", "required": true, "schemaId": "q-sent",
           "options": [{"value": "Positive", "schemaId": "o-pos"}, {"value": "Negative", "schemaId": "o-neg"}]}
        ]}

        """

    private var buffer: [UInt8] = []
    private let handle: FileHandle

    private init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Diagnostic(.error, "cannot write the benchmark's input", file: path)
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 21)
    }

    private mutating func text(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func number(_ n: Int, width: Int = 0) {
        var digits: [UInt8] = []
        var v = n
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        if digits.count < width { buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        buffer.append(contentsOf: digits.reversed())
    }

    private mutating func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// The last bytes written and the file flushed to the disk before any timing starts: a user's
    /// file is on the disk already, and `init` must not be timed while the kernel still writes
    /// this one (a million assets are 1.2 GB).
    private mutating func finish() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func review(_ i: Int) {
        text("Review "); number(i)
        text(": the battery lasts all day, \u{4FA1}\u{683C}\u{306F}\u{9AD8}\u{3044} but worth it. Delivery took "); number(i % 9)
        text(" days.")
    }

    /// `count` records `{"externalId", "data", "metadata"}`, one a line.
    static func writeRecords(count: Int, to path: String) throws {
        var out = try BenchmarkInputs(path: path)
        for i in 0..<count {
            out.text(#"{"externalId":"r-"#); out.number(i)
            out.text(#"","data":""#); out.review(i)
            out.text(#"","metadata":{"stars":"#); out.number(i % 5 + 1)
            out.text("}}\n")
            try out.flushIfFull()
        }
        try out.finish()
    }

    /// An Ango export (a JSON array) of `count` assets, each in Complete with an answer and its
    /// Start, Label and Review history.
    static func writeAngoExport(count: Int, to path: String) throws {
        var out = try BenchmarkInputs(path: path)
        out.text("[\n")
        for i in 0..<count {
            if i > 0 { out.text(",\n") }
            let answer: StaticString = #"[{"schemaId":"q-sent","title":"Sentiment","tool":"radio","answer":"Positive","classifications":[]}]"#
            out.text(#"{"asset":""#); out.review(i)
            out.text(#"","externalId":"a-"#); out.number(i)
            out.text(#"","metadata":{"stars":"#); out.number(i % 5 + 1)
            out.text(#"},"batches":[],"task":{"taskId":"64e5e5b9"#); out.number(i, width: 16)
            out.text(#"","stage":"Complete","stageId":"Complete","updatedAt":"2024-05-01T10:00:00.000Z","updatedBy":"ann@example.com","totalDuration":"#)
            out.number(3000 + i % 1000)
            out.text(#","tools":[],"classifications":"#); out.text(answer)
            out.text(#","relations":[],"stageHistory":[{"stage":"Start","stageId":"Start","duration":0,"completedAt":"2024-05-01T09:00:00.000Z","tools":[],"classifications":[],"relations":[]},"#)
            out.text(#"{"stage":"Label","stageId":"Label","duration":"#); out.number(2000 + i % 1000)
            out.text(#","completedAt":"2024-05-01T09:30:00.000Z","completedBy":"ann@example.com","tools":[],"classifications":"#); out.text(answer)
            out.text(#","relations":[]},{"stage":"Review","stageId":"Review","duration":1000,"reviewStatus":"Accepted","completedAt":"2024-05-01T10:00:00.000Z","completedBy":"rob@example.com","tools":[],"classifications":"#)
            out.text(answer)
            out.text(#","relations":[]}]}}"#)
            try out.flushIfFull()
        }
        out.text("\n]\n")
        try out.finish()
    }
}
