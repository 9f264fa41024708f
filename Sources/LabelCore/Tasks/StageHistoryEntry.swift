import OrderedCollections

/// The task as it left a stage. Entries read from an Ango export keep their JSON exactly
/// (`original`), so a round trip writes them back field for field.
public struct StageHistoryEntry: Equatable, Sendable {
    public var stage: String
    public var stageId: String
    /// Active milliseconds spent in the stage.
    public var duration: Int64
    /// Idle milliseconds (termlabel's addition; exported with `--include-idle`).
    public var idleDuration: Int64?
    public var completedAt: Timestamp?
    public var completedBy: String?
    public var reviewStatus: ReviewStatus?
    /// The reviewer's comment on a rejection (termlabel's addition, exported as `comment`).
    public var comment: String?
    public var annotations: Annotations
    public var original: JSONObject?

    public init(
        stage: String, stageId: String, duration: Int64, idleDuration: Int64? = nil, completedAt: Timestamp?,
        completedBy: String?, reviewStatus: ReviewStatus? = nil, comment: String? = nil, annotations: Annotations,
        original: JSONObject? = nil
    ) {
        self.stage = stage
        self.stageId = stageId
        self.duration = duration
        self.idleDuration = idleDuration
        self.completedAt = completedAt
        self.completedBy = completedBy
        self.reviewStatus = reviewStatus
        self.comment = comment
        self.annotations = annotations
        self.original = original
    }

    /// Ango's key order: stage, stageId, duration, reviewStatus, completedAt, completedBy, tools,
    /// classifications, relations. Metadata of classifications and tools is not repeated in history, as in Ango.
    public func json(includeIdle: Bool) -> JSONValue {
        var object: JSONObject
        if let original {
            object = original
            if !includeIdle { object.removeValue(forKey: "idleDuration") }
        } else {
            object = [:]
            object["stage"] = .string(stage)
            object["stageId"] = .string(stageId)
            object["duration"] = .int(duration)
            if includeIdle { object["idleDuration"] = .int(idleDuration ?? 0) }
            if let reviewStatus { object["reviewStatus"] = .string(reviewStatus.rawValue) }
            if let comment { object["comment"] = .string(comment) }
            if let completedAt { object["completedAt"] = .string(completedAt.iso8601) }
            if let completedBy { object["completedBy"] = .string(completedBy) }
            object["tools"] = .array(annotations.tools.map(Self.withoutMetadata))
            object["classifications"] = .array(annotations.classifications.map(Self.withoutMetadata))
            object["relations"] = .array(annotations.relations)
        }
        return .object(object)
    }

    static func withoutMetadata(_ classification: JSONValue) -> JSONValue {
        guard var object = classification.objectValue else { return classification }
        object.removeValue(forKey: "metadata")
        object.removeValue(forKey: "lock")
        if let children = object["classifications"]?.arrayValue {
            object["classifications"] = .array(children.map(withoutMetadata))
        }
        return .object(object)
    }

    /// Reads an entry from an Ango export, keeping its JSON as it was.
    public init(ango object: JSONObject) {
        self.init(
            stage: object["stage"]?.stringValue ?? "",
            stageId: object["stageId"]?.stringValue ?? object["stage"]?.stringValue ?? "",
            duration: Int64(object["duration"]?.intValue ?? 0),
            idleDuration: object["idleDuration"]?.intValue.map(Int64.init),
            completedAt: object["completedAt"]?.stringValue.flatMap { Timestamp(iso8601: $0) },
            completedBy: object["completedBy"]?.stringValue,
            reviewStatus: object["reviewStatus"]?.stringValue.flatMap(ReviewStatus.init(rawValue:)),
            comment: object["comment"]?.stringValue,
            annotations: Annotations(from: object),
            original: object)
    }
}
