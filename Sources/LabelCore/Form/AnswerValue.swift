import OrderedCollections

/// What a question was answered with: one value (radio, single dropdown, text) or a list
/// (checkbox, multi dropdown, tree paths, rank order).
public enum AnswerValue: Equatable, Hashable, Sendable {
    case one(String)
    case many([String])

    public var values: [String] {
        switch self {
        case .one(let v): [v]
        case .many(let vs): vs
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .one(let v): v.isEmpty
        case .many(let vs): vs.isEmpty
        }
    }

    public var json: JSONValue {
        switch self {
        case .one(let v): .string(v)
        case .many(let vs): .array(vs.map(JSONValue.string))
        }
    }
}

/// One answer in the form, with what Ango keeps beside it.
public struct FormAnswer: Equatable, Sendable {
    public var value: AnswerValue
    /// 23 hexadecimal characters, fixed when the answer is first given and kept across edits.
    public var objectId: String
    /// `createdAt`, `createdBy`, `createdIn`, and `updated…` once changed.
    public var metadata: JSONObject
    /// A pre-label imported with `"lock": true`: shown, never changed.
    public var locked: Bool
    /// Keys of an imported classification that termlabel does not interpret: written back after
    /// Ango's own keys, in the order they came.
    public var extra: JSONObject

    public init(value: AnswerValue, objectId: String, metadata: JSONObject = [:], locked: Bool = false, extra: JSONObject = [:]) {
        self.value = value
        self.objectId = objectId
        self.metadata = metadata
        self.locked = locked
        self.extra = extra
    }
}

/// Who is editing, in which stage, and for which task: what answers are stamped with.
public struct FormContext: Equatable, Sendable {
    public var taskId: String
    /// How the user is named in the export (`updatedBy`, `createdBy`): an e-mail when mapped.
    public var user: String
    public var stageId: String

    public init(taskId: String, user: String, stageId: String) {
        self.taskId = taskId
        self.user = user
        self.stageId = stageId
    }
}

/// Ango-style object ids: 23 hexadecimal characters. Derived from the task, question and moment
/// of creation, so ids are stable across edits and reproducible in tests.
public enum ObjectID {
    public static func make(taskId: String, schemaId: String, createdAt: Timestamp) -> String {
        func fnv(_ text: String, seed: UInt64) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let key = "\(taskId)\u{1F}\(schemaId)\u{1F}\(createdAt.millisecondsSince1970)"
        let a = String(fnv(key, seed: 0x9E37_79B9_7F4A_7C15), radix: 16)
        let b = String(fnv(key, seed: 0xC2B2_AE3D_27D4_EB4F), radix: 16)
        let full = String(repeating: "0", count: 16 - a.count) + a + String(repeating: "0", count: 16 - b.count) + b
        return String(full.prefix(23))
    }
}
