import Foundation

extension TaskInsertion {
    /// A batch's task rows and history rows as they are written: every text of every row made
    /// into one buffer, end to end, and nothing left but binding (SQLite reads the texts where
    /// they are). Made apart from the writing (`prepare`), so that a streamed add makes them on
    /// one thread while another writes, and neither makes or frees a string per column.
    struct Prepared: Sendable {
        /// A text in `bytes`.
        struct Text: Sendable {
            var start: Int
            var count: Int
        }

        struct History: Sendable {
            var stage: Text
            var user: Text?
            var active: Int64
            var idle: Int64
            var reviewStatus: Text?
            var completedAt: Int64?
            var entry: Text
        }

        struct Task: Sendable {
            var taskId: Text
            var externalId: Text
            var asset: Text
            var preview: Text
            var metadata: Text
            var batches: Text
            var extra: Text
            var priority: Int
            var stage: Text
            var status: Text
            var skippedBy: Text?
            var labeler: Text?
            var annotations: Text
            var updatedAt: Timestamp?
            var updatedBy: Text?
            var sourceFormat: Text?
            var source: Text?
            var readOnlyReason: Text?
            var instruction: Text?
            /// Its rows of `history` (tasks made here without answers share one Start row).
            var history: Range<Int>
        }

        var bytes: [UInt8] = []
        var tasks: [Task] = []
        var history: [History] = []

        func string(_ text: Text) -> String { String(decoding: bytes[text.start..<text.start + text.count], as: UTF8.self) }

        mutating func text(_ string: String) -> Text {
            text { $0.append(utf8Of: string) }
        }

        mutating func text(_ string: String?) -> Text? { string.map { text($0) } }

        /// The text `write` appends.
        mutating func text(_ write: (inout [UInt8]) -> Void) -> Text {
            let start = bytes.count
            write(&bytes)
            return Text(start: start, count: bytes.count - start)
        }

        mutating func json(_ value: JSONValue) -> Text { text { JSONWriter.appendCompact(value, to: &$0) } }
    }

    /// The rows of `tasks`, added at `time` (pure; any thread).
    static func prepare(_ tasks: some Collection<NewTask>, at time: Timestamp) -> Prepared {
        var preparing = Preparing(count: tasks.count, at: time)
        for task in tasks { preparing.append(task) }
        return preparing.batch
    }

    /// The rows of a streamed batch, added at `time` (pure; any thread).
    static func prepare(_ tasks: some Collection<IncomingTask>, at time: Timestamp) -> Prepared {
        var preparing = Preparing(count: tasks.count, at: time)
        for task in tasks {
            switch task {
            case .decoded(let task): preparing.append(task)
            case .stored(let asset): preparing.append(asset)
            }
        }
        return preparing.batch
    }

    /// Makes one batch's rows, task by task.
    struct Preparing {
        private(set) var batch = Prepared()
        let time: Timestamp
        let now: Int64
        /// What tasks without pre-labels store alike (no answers, the same Start entry), written
        /// once a batch.
        private var plain: (answers: Prepared.Text, start: Range<Int>)?

        init(count: Int, at time: Timestamp) {
            self.time = time
            now = time.millisecondsSince1970
            batch.bytes.reserveCapacity(count * 512)
            batch.tasks.reserveCapacity(count)
        }

        private mutating func startRow(_ annotations: Annotations) -> Range<Int> {
            let entry = batch.json(TaskInsertion.start(at: time, annotations: annotations))
            batch.history.append(Prepared.History(stage: batch.text("Start"), user: nil, active: 0, idle: 0, reviewStatus: nil,
                                                  completedAt: now, entry: entry))
            return batch.history.count - 1..<batch.history.count
        }

        private mutating func plainRows() -> (answers: Prepared.Text, start: Range<Int>) {
            if let plain { return plain }
            let made = (batch.json(SQLiteProjectStore.encoded(.empty)), startRow(.empty))
            plain = made
            return made
        }

        mutating func append(_ task: NewTask) {
            let placed = SQLiteProjectStore.placement(of: task)
            let answers = task.annotations == .empty ? plainRows().answers : batch.json(SQLiteProjectStore.encoded(task.annotations))
            // A task made here leaves Start at once, as in Ango; one from an Ango export
            // brings the history it had, kept as it came.
            let history: Range<Int>
            if task.history.isEmpty {
                history = task.annotations == .empty ? plainRows().start : startRow(task.annotations)
            } else {
                let first = batch.history.count
                for entry in task.history {
                    let row = Prepared.History(
                        stage: batch.text(entry.stage), user: batch.text(entry.completedBy), active: entry.duration,
                        idle: entry.idleDuration ?? 0, reviewStatus: batch.text(entry.reviewStatus?.rawValue),
                        completedAt: entry.completedAt?.millisecondsSince1970, entry: batch.text { appendStored(entry, to: &$0) })
                    batch.history.append(row)
                }
                history = first..<batch.history.count
            }
            let row = Prepared.Task(
                taskId: batch.text(task.taskId ?? SQLiteProjectStore.newTaskId()), externalId: batch.text(task.externalId),
                asset: batch.json(task.asset), preview: batch.text { SQLiteProjectStore.appendPreview(of: task.asset, to: &$0) },
                metadata: batch.json(task.metadata),
                batches: task.batches.isEmpty ? batch.text("[]") : batch.json(.array(task.batches)),
                extra: task.extra.isEmpty ? batch.text("{}") : batch.json(.object(task.extra)),
                priority: task.priority, stage: batch.text(placed.stage.rawValue), status: batch.text(placed.status.rawValue),
                skippedBy: batch.text(task.skippedBy), labeler: batch.text(placed.labeler),
                annotations: answers,
                updatedAt: task.updatedAt, updatedBy: batch.text(task.updatedBy), sourceFormat: batch.text(task.source?.format.rawValue),
                source: task.source.map { batch.json($0.record) }, readOnlyReason: batch.text(task.readOnlyReason),
                instruction: batch.text(task.instruction), history: history)
            batch.tasks.append(row)
        }

        /// The same rows as for `asset.decoded()`, with its texts copied as they came.
        mutating func append(_ asset: StoredAngoAsset) {
            asset.bytes.withUnsafeBufferPointer { item in
                func copy(_ range: Range<Int>) -> Prepared.Text {
                    batch.text { $0.append(contentsOf: UnsafeBufferPointer(rebasing: item[range])) }
                }
                let placed = SQLiteProjectStore.placement(
                    stage: asset.stage, skipped: false, labeler: asset.history.last { $0.stage == Stage.label.name }?.completedBy,
                    lastReview: asset.history.last?.reviewStatus)
                let answers: Prepared.Text
                if asset.hasNoAnswers {
                    answers = plainRows().answers
                } else {
                    answers = batch.text { out in
                        func array(_ range: Range<Int>?) {
                            if let range { out.append(contentsOf: UnsafeBufferPointer(rebasing: item[range])) } else {
                                out.append(contentsOf: "[]".utf8)
                            }
                        }
                        out.append(contentsOf: #"{"tools":"#.utf8)
                        array(asset.tools)
                        out.append(contentsOf: #","classifications":"#.utf8)
                        array(asset.classifications)
                        out.append(contentsOf: #","relations":"#.utf8)
                        array(asset.relations)
                        out.append(UInt8(ascii: "}"))
                    }
                }
                let history: Range<Int>
                if asset.history.isEmpty {
                    history = asset.hasNoAnswers ? plainRows().start : startRow(asset.decodedAnswers())
                } else {
                    let first = batch.history.count
                    for entry in asset.history {
                        // Stored as it came, marked `"_imported":true` last (as `appendStored` marks it).
                        let json = batch.text { out in
                            let start = out.count
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: item[entry.json]))
                            TaskInsertion.markImported(&out, objectAt: start)
                        }
                        batch.history.append(Prepared.History(
                            stage: batch.text(entry.stage), user: batch.text(entry.completedBy), active: entry.duration, idle: entry.idle,
                            reviewStatus: batch.text(entry.reviewStatus?.rawValue), completedAt: entry.completedAt?.millisecondsSince1970,
                            entry: json))
                    }
                    history = first..<batch.history.count
                }
                let row = Prepared.Task(
                    taskId: batch.text(asset.taskId ?? SQLiteProjectStore.newTaskId()), externalId: batch.text(asset.externalId),
                    asset: copy(asset.asset), preview: batch.text { asset.appendPreview(to: &$0) },
                    metadata: asset.metadata.map(copy) ?? batch.text("{}"), batches: asset.batches.map(copy) ?? batch.text("[]"),
                    extra: asset.extra.isEmpty ? batch.text("{}") : batch.text { out in
                        for (i, member) in asset.extra.enumerated() {
                            out.append(i == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: item[member]))
                        }
                        out.append(UInt8(ascii: "}"))
                    },
                    priority: 0, stage: batch.text(placed.stage.rawValue), status: batch.text(placed.status.rawValue), skippedBy: nil,
                    labeler: batch.text(placed.labeler), annotations: answers, updatedAt: asset.updatedAt,
                    updatedBy: batch.text(asset.updatedBy), sourceFormat: nil, source: nil, readOnlyReason: nil, instruction: nil,
                    history: history)
                batch.tasks.append(row)
            }
        }
    }
}
