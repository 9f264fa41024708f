/// The stages a task passes through: Start → Label → (Review) → Complete. Stage ids are Ango's
/// defaults for the first stages of each kind.
public enum Stage: String, CaseIterable, Sendable, Codable {
    case start = "Start"
    case label = "Label"
    case review = "Review"
    case complete = "Complete"

    public var id: String { rawValue }
    public var name: String { rawValue }

    /// Reads a stage name as a user types it (`label`, `Label`, `LABEL`).
    public init?(named name: String) {
        guard let stage = Stage.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = stage
    }
}

/// A review's outcome, as Ango names them.
public enum ReviewStatus: String, CaseIterable, Sendable, Codable {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case fixed = "Fixed"
    case todo = "Todo"
}
