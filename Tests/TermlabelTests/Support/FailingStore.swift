import LabelCore

/// The real store, with writes that fail on demand as on a full disk: what a session does when
/// the project cannot take its work.
final class FailingStore: ProjectStore, @unchecked Sendable {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "database or disk is full" }
    }

    let base: SQLiteProjectStore
    var failWrites = false

    init(_ base: SQLiteProjectStore) { self.base = base }

    private func write<T>(_ body: () throws -> T) throws -> T {
        if failWrites { throw DiskFull() }
        return try body()
    }

    func settings() throws -> ProjectSettings { try base.settings() }
    func updateSettings(_ change: @Sendable (inout ProjectSettings) -> Void) throws { try write { try base.updateSettings(change) } }
    func add(_ tasks: [NewTask], at time: Timestamp) throws -> AddResult { try write { try base.add(tasks, at: time) } }
    func attach(_ preLabels: [PreLabels]) throws -> Int { try write { try base.attach(preLabels) } }
    func attach(_ preLabels: [PreLabels], by user: String) throws -> Int { try write { try base.attach(preLabels, by: user) } }
    func task(id: Int64) throws -> LabelTask? { try base.task(id: id) }
    func task(externalId: String) throws -> LabelTask? { try base.task(externalId: externalId) }
    func history(taskId: Int64) throws -> [StageHistoryEntry] { try base.history(taskId: taskId) }
    func draft(taskId: Int64, stage: Stage) throws -> Draft? { try base.draft(taskId: taskId, stage: stage) }
    func draft(taskId: Int64, stage: Stage, user: String) throws -> Draft? { try base.draft(taskId: taskId, stage: stage, user: user) }
    func consensusAnswers(taskId: Int64) throws -> [ConsensusAnswer] { try base.consensusAnswers(taskId: taskId) }
    func consensus(taskId: Int64) throws -> TaskConsensus? { try base.consensus(taskId: taskId) }
    func consensusScores() throws -> [TaskConsensus] { try base.consensusScores() }
    func count(_ filter: QueueFilter) throws -> Int { try base.count(filter) }
    func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow] { try base.page(filter, offset: offset, limit: limit) }
    func position(of taskId: Int64, in filter: QueueFilter) throws -> Int? { try base.position(of: taskId, in: filter) }
    func progress() throws -> ProjectProgress { try base.progress() }
    func claimNext(stage: Stage, user: String, at time: Timestamp) throws -> LabelTask? {
        try write { try base.claimNext(stage: stage, user: user, at: time) }
    }
    func claim(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask {
        try write { try base.claim(taskId: taskId, stage: stage, user: user, at: time) }
    }
    func release(taskId: Int64, stage: Stage, user: String) throws { try write { try base.release(taskId: taskId, stage: stage, user: user) } }
    func holds() throws -> [Hold] { try base.holds() }
    func saveDraft(_ draft: Draft) throws { try write { try base.saveDraft(draft) } }
    func submit(_ submission: Submission) throws -> Stage { try write { try base.submit(submission) } }
    func reopen(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask {
        try write { try base.reopen(taskId: taskId, stage: stage, user: user, at: time) }
    }
    func skip(taskId: Int64, user: String, at time: Timestamp) throws { try write { try base.skip(taskId: taskId, user: user, at: time) } }
    func unskip(taskId: Int64, user: String, at time: Timestamp) throws { try write { try base.unskip(taskId: taskId, user: user, at: time) } }
    func requeue(_ request: RequeueRequest) throws -> Int { try write { try base.requeue(request) } }
    func requeueImpact(_ request: RequeueRequest) throws -> RequeueImpact { try base.requeueImpact(request) }
    func auditLog() throws -> [AuditEntry] { try base.auditLog() }
    func forEachTask(in stage: Stage?, _ body: (TaskRecord) throws -> Void) throws { try base.forEachTask(in: stage, body) }
    func activity(since: Timestamp?) throws -> Activity { try base.activity(since: since) }
    func integrityCheck() throws -> String { try base.integrityCheck() }
    func openIssue(_ issue: NewIssue) throws -> TaskIssue { try write { try base.openIssue(issue) } }
    func resolveIssue(id: Int64, by user: String, comment: String, at time: Timestamp) throws -> TaskIssue {
        try write { try base.resolveIssue(id: id, by: user, comment: comment, at: time) }
    }
    func issues(taskId: Int64) throws -> [TaskIssue] { try base.issues(taskId: taskId) }
    func issues(includeResolved: Bool) throws -> [TaskIssue] { try base.issues(includeResolved: includeResolved) }
    func hold(_ selection: RequeueRequest.Selection, reason: String, by user: String, at time: Timestamp) throws -> Int {
        try write { try base.hold(selection, reason: reason, by: user, at: time) }
    }
    func hold(taskId: Int64) throws -> TaskHold? { try base.hold(taskId: taskId) }
    func tasksOnHold() throws -> [TaskHold] { try base.tasksOnHold() }
    func addBenchmarks(_ gold: [GoldTask], at time: Timestamp) throws -> AddResult { try write { try base.addBenchmarks(gold, at: time) } }
    func benchmarkResults() throws -> [BenchmarkResult] { try base.benchmarkResults() }
}
