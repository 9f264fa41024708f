/// The record a task was read from in another tool's format (a Scale task object, a ClearML
/// frame), kept as it came so that exporting in that format writes back everything termlabel
/// did not change. It never appears in the Ango export.
public struct SourceRecord: Equatable, Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case scale
        case clearml
    }

    public var format: Format
    /// The record exactly as read: keys in their order, numbers as written.
    public var record: JSONValue

    public init(format: Format, record: JSONValue) {
        self.format = format
        self.record = record
    }
}
