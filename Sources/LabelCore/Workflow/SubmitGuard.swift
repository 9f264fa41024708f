/// What holds and issues allow of a submit, apart from any store (both stores ask it inside the
/// submit's transaction): nothing while the task is on hold; not while an issue someone else
/// opened is open (a labeler's own issues are notes for the reviewer); in review, not while any
/// issue is open, unless the reviewer sends the task back with them.
public enum SubmitGuard {
    public static func check(_ task: LabelTask, _ s: Submission, holdReason: String?, openIssueAuthors: [String]) throws {
        if task.status == .hold { throw StoreError.onHold(externalId: task.externalId, reason: holdReason ?? "no reason given") }
        if s.stage == .review, s.reviewStatus == .rejected { return }
        let blocking = openIssueAuthors.filter { s.stage == .review || $0 != s.user }.count
        if blocking > 0 { throw StoreError.openIssues(externalId: task.externalId, count: blocking) }
    }
}
