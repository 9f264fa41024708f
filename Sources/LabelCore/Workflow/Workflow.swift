/// The rules of the workflow, apart from any store: where a task goes when a stage is submitted.
public struct Workflow: Equatable, Sendable {
    public var hasReview: Bool
    public init(hasReview: Bool) { self.hasReview = hasReview }

    /// The stages a task passes through, in order.
    public var stages: [Stage] { hasReview ? [.start, .label, .review, .complete] : [.start, .label, .complete] }

    /// The stage a task enters and its status there, after a submit in `stage`.
    public func next(after stage: Stage, review: ReviewStatus? = nil) -> (stage: Stage, status: TaskStatus) {
        switch stage {
        case .start: return (.label, .new)
        case .label: return hasReview ? (.review, .submitted) : (.complete, .submitted)
        case .review:
            switch review {
            case .rejected: return (.label, .rejected)
            case .accepted, .fixed: return (.complete, .accepted)
            case .todo, nil: return (.review, .submitted)
            }
        case .complete: return (.complete, .accepted)
        }
    }
}
