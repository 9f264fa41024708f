/// A task as a streamed file hands it to a store: decoded into values, or an Ango export's asset
/// whose texts are stored as they came (`StoredAngoAsset`). A store that writes texts (SQLite)
/// copies the second kind's; one that writes values asks for `decoded`.
public enum IncomingTask: Sendable {
    case decoded(NewTask)
    case stored(StoredAngoAsset)

    public init(_ task: NewTask) { self = .decoded(task) }

    /// The task with every value decoded.
    public var decoded: NewTask {
        switch self {
        case .decoded(let task): task
        case .stored(let asset): asset.decoded()
        }
    }
}

extension IncomingTask: PlacedTask {
    public var stage: Stage {
        get {
            switch self {
            case .decoded(let task): task.stage
            case .stored(let asset): asset.stage
            }
        }
        set {
            switch self {
            case .decoded(var task):
                task.stage = newValue
                self = .decoded(task)
            case .stored(var asset):
                asset.stage = newValue
                self = .stored(asset)
            }
        }
    }

    public var skippedBy: String? {
        get {
            if case .decoded(let task) = self { task.skippedBy } else { nil }
        }
        set {
            if case .decoded(var task) = self {
                task.skippedBy = newValue
                self = .decoded(task)
            }
        }
    }
}
