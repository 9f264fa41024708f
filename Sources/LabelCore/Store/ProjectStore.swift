/// What a project keeps, and the only way the rest of termlabel reads or changes it. The default
/// is SQLite in the project directory (`SQLiteProjectStore`); a shared PostgreSQL server is the
/// way for teams on several machines.
public protocol ProjectStore: Sendable {
    func settings() throws -> ProjectSettings
    func updateSettings(_ change: @Sendable (inout ProjectSettings) -> Void) throws

    /// Adds tasks in order; externalIds already present are skipped and counted.
    func add(_ tasks: [NewTask], at time: Timestamp) throws -> AddResult
    /// Attaches pre-labels to tasks already present, by externalId; returns how many matched.
    func attach(_ preLabels: [PreLabels]) throws -> Int
    /// Attaches pre-labels to unstarted tasks; pre-labels they replace are recorded, with `user`.
    func attach(_ preLabels: [PreLabels], by user: String) throws -> Int

    func task(id: Int64) throws -> LabelTask?
    func task(externalId: String) throws -> LabelTask?
    func history(taskId: Int64) throws -> [StageHistoryEntry]
    func draft(taskId: Int64, stage: Stage) throws -> Draft?
    /// `user`'s draft: in a consensus round each annotator has their own.
    func draft(taskId: Int64, stage: Stage, user: String) throws -> Draft?
    /// Consensus: the answers submitted to a task in its round, in the order they came.
    func consensusAnswers(taskId: Int64) throws -> [ConsensusAnswer]
    /// Consensus: the task's stored score, once its round is closed.
    func consensus(taskId: Int64) throws -> TaskConsensus?
    /// Consensus: every stored score, for each annotator's agreement in `stats`.
    func consensusScores() throws -> [TaskConsensus]

    func count(_ filter: QueueFilter) throws -> Int
    /// One page of the queue, in queue order (higher priority first, then creation).
    func page(_ filter: QueueFilter, offset: Int, limit: Int) throws -> [QueueRow]
    /// The position of a task in the filtered queue, to jump to it.
    func position(of taskId: Int64, in filter: QueueFilter) throws -> Int?
    func progress() throws -> ProjectProgress

    /// The next task for `user` in `stage`, held for them in the same transaction, so two
    /// processes never get the same task. Their own unfinished tasks come first, then free tasks
    /// and tasks whose holder's lease ran out (`ProjectSettings.claimLeaseMilliseconds` without
    /// activity).
    func claimNext(stage: Stage, user: String, at time: Timestamp) throws -> LabelTask?
    /// Opens a given task for `user`: holds it if it is free or its holder's lease ran out.
    /// Throws `assignedToSomeoneElse` if someone else holds it.
    func claim(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask
    /// Lets go of a task `user` holds but never answered (no draft in `stage`), so the queue serves
    /// it to others again. Tasks with a draft, skipped ones and ones sent back stay held.
    func release(taskId: Int64, stage: Stage, user: String) throws
    /// Every task someone holds, and since when: `termlabel who`.
    func holds() throws -> [Hold]

    /// Saves what is being answered; durable when it returns.
    func saveDraft(_ draft: Draft) throws
    /// Closes the stage: adds the stage history entry and moves the task on; durable when it returns.
    func submit(_ submission: Submission) throws -> Stage
    /// Submits, then holds the next task for the same user in the same stage (what `claimNext`
    /// serves), as one change: durable when it returns, with one flush to disk instead of two.
    /// If it fails, neither happened.
    func submitAndClaimNext(_ submission: Submission) throws -> SubmitAndClaim
    /// Takes a submit back (undo right after it): the task returns to `stage` as `user`'s draft
    /// with the submitted answers and time, and its stage history entry goes. Only while nobody
    /// has touched the task since; else `changedSinceSubmit`.
    func reopen(taskId: Int64, stage: Stage, user: String, at time: Timestamp) throws -> LabelTask
    func skip(taskId: Int64, user: String, at time: Timestamp) throws
    func unskip(taskId: Int64, user: String, at time: Timestamp) throws

    func requeue(_ request: RequeueRequest) throws -> Int
    /// What a requeue would discard, without doing it.
    func requeueImpact(_ request: RequeueRequest) throws -> RequeueImpact
    /// Destructive changes, oldest first: who made them and what they removed.
    func auditLog() throws -> [AuditEntry]

    /// Calls `body` with each task of `stage` in queue order, reading in batches: memory does
    /// not grow with the project.
    func forEachTask(in stage: Stage?, _ body: (TaskRecord) throws -> Void) throws

    /// Every stage-history entry, skip and draft, for labeler performance figures.
    func activity(since: Timestamp?) throws -> Activity

    func integrityCheck() throws -> String

    // Issues and holds.

    /// Opens an issue on a task (on one question, or the whole task); durable when it returns.
    /// Its error code must be one of the project's (`unknownErrorCode`).
    func openIssue(_ issue: NewIssue) throws -> TaskIssue
    /// Resolves an open issue with the resolver's answer (may be empty).
    func resolveIssue(id: Int64, by user: String, comment: String, at time: Timestamp) throws -> TaskIssue
    /// A task's issues, open and resolved, oldest first.
    func issues(taskId: Int64) throws -> [TaskIssue]
    /// The project's issues, oldest first: the open ones, or all.
    func issues(includeResolved: Bool) throws -> [TaskIssue]
    /// Puts tasks in Label or Review on hold; returns how many went on hold (others are left).
    func hold(_ selection: RequeueRequest.Selection, reason: String, by user: String, at time: Timestamp) throws -> Int
    /// The task's hold, if it is on hold.
    func hold(taskId: Int64) throws -> TaskHold?
    /// Every task on hold, in the order they were held.
    func tasksOnHold() throws -> [TaskHold]
    /// Adds gold tasks with their known answers (`termlabel add --benchmark`); externalIds already
    /// present are skipped, as `add` does.
    func addBenchmarks(_ gold: [GoldTask], at time: Timestamp) throws -> AddResult
    /// Every submitted gold answer, scored, in order of submission.
    func benchmarkResults() throws -> [BenchmarkResult]
}

extension ProjectStore {
    public func claimNext(stage: Stage, user: String) throws -> LabelTask? {
        try claimNext(stage: stage, user: user, at: .now())
    }

    public func claim(taskId: Int64, stage: Stage, user: String) throws -> LabelTask {
        try claim(taskId: taskId, stage: stage, user: user, at: .now())
    }

    /// Two transactions, for a store without a single one for both.
    public func submitAndClaimNext(_ submission: Submission) throws -> SubmitAndClaim {
        let next = try submit(submission)
        return SubmitAndClaim(next: next, claimed: try claimNext(stage: submission.stage, user: submission.user, at: submission.at))
    }
}

/// What a submit followed by a claim did: where the submitted task went, and the task now held
/// for the same user (nil: none is left for them).
public struct SubmitAndClaim: Equatable, Sendable {
    public var next: Stage
    public var claimed: LabelTask?
    /// What the screen shows next, read in the same transaction when the store can (nil: the
    /// screen reads it afterwards).
    public var shown: ShownAfterSubmit?
    public init(next: Stage, claimed: LabelTask?, shown: ShownAfterSubmit? = nil) {
        self.next = next
        self.claimed = claimed
        self.shown = shown
    }
}

/// The project's progress as a submit left it, and the claimed task's draft (the claiming
/// user's) and issues: what the next frame shows besides the task.
public struct ShownAfterSubmit: Equatable, Sendable {
    public var progress: ProjectProgress
    public var draft: Draft?
    public var issues: [TaskIssue]
    public init(progress: ProjectProgress, draft: Draft?, issues: [TaskIssue]) {
        self.progress = progress
        self.draft = draft
        self.issues = issues
    }
}

public struct ProjectSettings: Equatable, Sendable {
    public var name: String
    /// The ontology as it was given, byte for byte.
    public var ontologyJSON: String
    public var hasReview: Bool
    public var idleTimeoutMilliseconds: Int64
    /// How long a task stays held for an annotator after their last activity on it; past that the
    /// queue may serve it to someone else (their draft goes with it).
    public var claimLeaseMilliseconds: Int64
    public var createdAt: Timestamp
    /// Operating-system users (`login@host` or `login`) to the e-mail written in the export.
    public var emails: [String: String]
    /// Labeling submits as soon as a form whose only required question is single-choice is answered.
    public var autoAdvance = false
    /// How `label` draws pictures unless told on its command line: auto, kitty, iterm, sixel,
    /// symbols or none (the terminal side knows what each means).
    public var imageProtocol = "auto"
    /// What annotators are asked to read before they start, in Markdown (nil: none).
    public var instructions: String?
    /// For each user who has closed the instructions, the `InstructionsDigest` of the text they saw:
    /// they show again when the text changes.
    public var instructionsSeen: [String: String] = [:]
    /// What kinds of mistake an issue may report (Ango's `error_codes`), in the order offered.
    public var errorCodes: [ErrorCode] = []
    /// Consensus: how many different annotators answer each Label task (1: off). See `ConsensusRound`.
    public var consensus = 1
    /// Consensus: a task whose score (0–100) reaches this goes straight to Complete (nil: never).
    public var consensusThreshold: Int?
    /// Percent (0–100) of each annotator's Label submits that are gold tasks: the next task
    /// served is gold when, counting it, their gold share would not pass this rate.
    public var benchmarkRate = 0

    public init(
        name: String, ontologyJSON: String, hasReview: Bool, idleTimeoutMilliseconds: Int64 = 300_000,
        claimLeaseMilliseconds: Int64 = ProjectSettings.defaultClaimLease, createdAt: Timestamp, emails: [String: String] = [:]
    ) {
        self.claimLeaseMilliseconds = claimLeaseMilliseconds
        self.name = name
        self.ontologyJSON = ontologyJSON
        self.hasReview = hasReview
        self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
        self.createdAt = createdAt
        self.emails = emails
    }

    /// 30 minutes.
    public static let defaultClaimLease: Int64 = 1_800_000

    public var workflow: Workflow { Workflow(hasReview: hasReview) }

    /// How a user is named in exported files: the mapped e-mail, else the login.
    public func exportName(of user: String) -> String {
        if let email = emails[user] { return email }
        if let at = user.firstIndex(of: "@"), let email = emails[String(user[..<at])] { return email }
        return user
    }

    /// Whether `user` has yet to see the instructions as they are now.
    public func instructionsUnseen(by user: String) -> Bool {
        guard let instructions else { return false }
        return instructionsSeen[user] != InstructionsDigest.of(instructions)
    }

    public func ontology() throws -> Ontology {
        try OntologyReader.read(Array(ontologyJSON.utf8), file: "ontology").ontology
    }
}

public struct AddResult: Equatable, Sendable {
    public var added: Int
    public var skippedExisting: Int
    /// Each record not added, in file order, with the reason.
    public var skipped: [SkippedTask]
    public init(added: Int, skippedExisting: Int, skipped: [SkippedTask] = []) {
        self.added = added
        self.skippedExisting = skippedExisting
        self.skipped = skipped
    }
}

/// A record that was not added, and why.
public struct SkippedTask: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// A task with this externalId is already in the project.
        case externalIdInProject
        /// An earlier record of the same file has this externalId.
        case externalIdRepeated
        /// A task with this taskId is in the project (its externalId given).
        case taskIdInProject(taskId: String, externalId: String)
        /// An earlier record of the same file has this taskId (its externalId given).
        case taskIdRepeated(taskId: String, externalId: String)
    }
    public var externalId: String
    public var reason: Reason
    public init(externalId: String, reason: Reason) {
        self.externalId = externalId
        self.reason = reason
    }
}

/// Which tasks the queue shows.
public struct QueueFilter: Equatable, Sendable {
    public var stage: Stage?
    public var statuses: Set<TaskStatus>?
    public var assignee: String?
    public init(stage: Stage? = nil, statuses: Set<TaskStatus>? = nil, assignee: String? = nil) {
        self.stage = stage
        self.statuses = statuses
        self.assignee = assignee
    }
    public static let all = QueueFilter()
}

/// A line of the queue pane.
public struct QueueRow: Equatable, Sendable {
    public var id: Int64
    public var externalId: String
    public var stage: Stage
    public var status: TaskStatus
    public var assignee: String?
    /// Active milliseconds so far: submitted stages plus the open draft.
    public var activeMilliseconds: Int64
    /// The asset's first characters, on one line.
    public var preview: String

    public init(id: Int64, externalId: String, stage: Stage, status: TaskStatus, assignee: String?, activeMilliseconds: Int64, preview: String) {
        self.id = id
        self.externalId = externalId
        self.stage = stage
        self.status = status
        self.assignee = assignee
        self.activeMilliseconds = activeMilliseconds
        self.preview = preview
    }
}

public struct ProjectProgress: Equatable, Sendable {
    public var total: Int
    public var byStage: [Stage: Int]
    public var byStatus: [TaskStatus: Int]
    /// Tasks past the Label stage.
    public var labeled: Int { (byStage[.review] ?? 0) + (byStage[.complete] ?? 0) }

    public init(total: Int, byStage: [Stage: Int], byStatus: [TaskStatus: Int]) {
        self.total = total
        self.byStage = byStage
        self.byStatus = byStatus
    }
}

/// A task with its stage history and its open draft, as the export reads them.
public struct TaskRecord: Equatable, Sendable {
    public var task: LabelTask
    public var history: [StageHistoryEntry]
    public var draft: Draft?
    /// Issues opened on the task, oldest first (the Ango export reads them; other readers leave them empty).
    public var issues: [TaskIssue] = []
    /// The task's hold, when it is on hold (as `issues`).
    public var hold: TaskHold?
    /// Consensus: the task's score, once its round is closed.
    public var consensus: TaskConsensus?
    /// The record the task was read from in another tool's format, if any.
    public var source: SourceRecord? { task.source }

    public init(task: LabelTask, history: [StageHistoryEntry], draft: Draft? = nil, consensus: TaskConsensus? = nil) {
        self.task = task
        self.history = history
        self.draft = draft
        self.consensus = consensus
    }
}

/// Answers being given to a task in a stage, and the time spent on them so far.
public struct Draft: Equatable, Sendable {
    public var taskId: Int64
    public var stage: Stage
    public var user: String
    public var classifications: [JSONValue]
    public var time: TimeSpent
    public var savedAt: Timestamp
    /// The annotator's last input on the task (renews their lease); `savedAt` when not given.
    public var activeAt: Timestamp?
    public init(
        taskId: Int64, stage: Stage, user: String, classifications: [JSONValue], time: TimeSpent, savedAt: Timestamp,
        activeAt: Timestamp? = nil
    ) {
        self.activeAt = activeAt
        self.taskId = taskId
        self.stage = stage
        self.user = user
        self.classifications = classifications
        self.time = time
        self.savedAt = savedAt
    }
}

public struct Submission: Equatable, Sendable {
    public var taskId: Int64
    public var stage: Stage
    /// The login of who submits (assignment is checked against it).
    public var user: String
    public var classifications: [JSONValue]
    public var time: TimeSpent
    public var at: Timestamp
    public var reviewStatus: ReviewStatus?
    public var comment: String?
    public init(
        taskId: Int64, stage: Stage, user: String, classifications: [JSONValue], time: TimeSpent, at: Timestamp,
        reviewStatus: ReviewStatus? = nil, comment: String? = nil
    ) {
        self.taskId = taskId
        self.stage = stage
        self.user = user
        self.classifications = classifications
        self.time = time
        self.at = at
        self.reviewStatus = reviewStatus
        self.comment = comment
    }
}

/// Ango's requeue: which tasks go back to which stage, and what is removed.
public struct RequeueRequest: Equatable, Sendable {
    public enum Selection: Equatable, Sendable {
        case taskIds([String])
        case externalIds([String])
        case stage(Stage)
        case user(String)
    }
    public var selection: Selection
    public var to: Stage
    public var removeAnswers: Bool
    public var removeAssignee: Bool
    public var removeHistory: Bool
    public var at: Timestamp
    /// Who asks for the requeue: recorded with what it removed.
    public var user: String
    public init(
        selection: Selection, to: Stage, removeAnswers: Bool, removeAssignee: Bool, removeHistory: Bool, at: Timestamp,
        by user: String = "unknown"
    ) {
        self.selection = selection
        self.to = to
        self.removeAnswers = removeAnswers
        self.removeAssignee = removeAssignee
        self.removeHistory = removeHistory
        self.at = at
        self.user = user
    }
}

/// The raw facts labeler performance is computed from.
public struct Activity: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var taskId: Int64
        public var user: String
        public var stage: Stage
        public var reviewStatus: ReviewStatus?
        public var time: TimeSpent
        public var completedAt: Timestamp
        /// For a review entry: who labeled what was reviewed.
        public var labeler: String?

        public init(taskId: Int64, user: String, stage: Stage, reviewStatus: ReviewStatus?, time: TimeSpent, completedAt: Timestamp, labeler: String?) {
            self.taskId = taskId
            self.user = user
            self.stage = stage
            self.reviewStatus = reviewStatus
            self.time = time
            self.completedAt = completedAt
            self.labeler = labeler
        }
    }
    public var entries: [Entry]
    /// (user, task) for each skip.
    public var skips: [(user: String, taskId: Int64, at: Timestamp)]

    public init(entries: [Entry], skips: [(user: String, taskId: Int64, at: Timestamp)]) {
        self.entries = entries
        self.skips = skips
    }

    public static func == (a: Activity, b: Activity) -> Bool {
        a.entries == b.entries && a.skips.map { "\($0.user)|\($0.taskId)|\($0.at)" } == b.skips.map { "\($0.user)|\($0.taskId)|\($0.at)" }
    }
}

/// A task someone holds: `termlabel who`.
public struct Hold: Equatable, Sendable {
    public var externalId: String
    public var stage: Stage
    public var status: TaskStatus
    public var user: String
    /// When they took it (nil for holds made before termlabel kept it).
    public var since: Timestamp?
    /// Their last activity on it; nil for holds without a lease (skipped, sent back by review).
    public var lastActivity: Timestamp?

    public init(externalId: String, stage: Stage, status: TaskStatus, user: String, since: Timestamp?, lastActivity: Timestamp?) {
        self.externalId = externalId
        self.stage = stage
        self.status = status
        self.user = user
        self.since = since
        self.lastActivity = lastActivity
    }

    /// When the lease runs out, for a hold that has one.
    public func leaseEnds(lease: Int64) -> Timestamp? {
        lastActivity.map { Timestamp(millisecondsSince1970: $0.millisecondsSince1970 + lease) }
    }
}

/// What the store refuses, said for people.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAProject(String)
    case alreadyAProject(String)
    case cannotCreate(String, String)
    case noSuchTask(String)
    case assignedToSomeoneElse(externalId: String, assignee: String)
    case notInStage(externalId: String, stage: Stage, actual: Stage)
    case ownLabels(externalId: String)
    case readOnly(externalId: String, reason: String)
    case damaged(String)
    case changedSinceSubmit(externalId: String, why: String)
    case onHold(externalId: String, reason: String)
    case openIssues(externalId: String, count: Int)
    case noSuchIssue(Int64)
    case issueResolved(Int64)
    case unknownErrorCode(String, known: [String])

    public var description: String {
        switch self {
        case .notAProject(let dir): "\(dir) is not a termlabel project (no project.sqlite); make one with `termlabel init \(dir) --ontology FILE --assets FILE`"
        case .alreadyAProject(let dir): "\(dir) is already a termlabel project; use `termlabel add \(dir) --assets FILE` to add tasks"
        case .cannotCreate(let path, let reason): "cannot make the project at \(path): \(reason); nothing was made"
        case .noSuchTask(let id): "no task \(id) in this project"
        case .assignedToSomeoneElse(let id, let who): "task \(id) is assigned to \(who)"
        case .notInStage(let id, let stage, let actual): "task \(id) is in the \(actual.name) stage, not \(stage.name)"
        case .ownLabels(let id): "task \(id) was labeled by you; reviewers never review their own labels"
        case .readOnly(let id, let reason): "task \(id) is read-only (\(reason)); it is kept for the export and never answered"
        case .damaged(let detail): "the project database is damaged: \(detail)"
        case .changedSinceSubmit(let id, let why): "task \(id) cannot be taken back: \(why)"
        case .onHold(let id, let reason):
            "task \(id) is on hold (\(reason)): it can be edited and saved, not submitted, until a manager forwards it with `termlabel requeue DIR --external-id \(id) --to Label`"
        case .openIssues(let id, let n):
            "task \(id) has \(n) open issue\(n == 1 ? "" : "s"): resolve \(n == 1 ? "it" : "them") before submitting (a reviewer may send it back instead)"
        case .noSuchIssue(let id): "no issue \(id) in this project; `termlabel issues DIR --all` lists them"
        case .issueResolved(let id): "issue \(id) is already resolved"
        case .unknownErrorCode(let key, let known):
            known.isEmpty
                ? "no error code \"\(key)\": this project has none (`termlabel config DIR --error-codes FILE` sets them)"
                : "no error code \"\(key)\"; this project's are \(known.joined(separator: ", "))"
        }
    }
}
