/// A label another tool gave a task, before it is matched to a question of the ontology.
public enum ForeignLabel: Equatable, Sendable {
    /// Values chosen from a set of choices: Label Studio `choices` (named by `from_name`),
    /// doccano `label`/`labels` and Prodigy's `accept` options (unnamed).
    case choices(question: String?, values: [String])
    /// Prodigy's binary answer on one label: `accept` or `reject`.
    case decision(label: String, accepted: Bool)
}
