/// A problem somebody points out on a task (Ango's issues): a reviewer tells the labeler what to
/// fix, or a labeler flags the asset. It may name one question, carry an error code from the
/// project's list, and mention people (`@login`). Resolved issues stay, with who resolved them.
public struct TaskIssue: Equatable, Sendable {
    public var id: Int64
    public var taskId: Int64
    public var externalId: String
    /// The question it is about (its schemaId); nil for the whole task.
    public var schemaId: String?
    public var content: String
    public var errorCode: ErrorCode?
    /// Logins and e-mails named with `@` in the content, in order, each once.
    public var mentions: [String]
    public var createdBy: String
    public var createdAt: Timestamp
    /// The stage the task was in when the issue was opened.
    public var stage: Stage
    public var resolution: Resolution?

    public struct Resolution: Equatable, Sendable {
        public var by: String
        public var at: Timestamp
        /// What the resolver answered (may be empty).
        public var comment: String
        public init(by: String, at: Timestamp, comment: String) {
            self.by = by
            self.at = at
            self.comment = comment
        }
    }

    public var isOpen: Bool { resolution == nil }

    public init(
        id: Int64, taskId: Int64, externalId: String, schemaId: String?, content: String, errorCode: ErrorCode?,
        createdBy: String, createdAt: Timestamp, stage: Stage, resolution: Resolution? = nil
    ) {
        self.id = id
        self.taskId = taskId
        self.externalId = externalId
        self.schemaId = schemaId
        self.content = content
        self.errorCode = errorCode
        self.mentions = Self.mentions(in: content)
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.stage = stage
        self.resolution = resolution
    }

    /// `@name` tokens of a text: a name is letters, digits and `._-@+` (an e-mail counts), without
    /// a trailing dot; repeated names count once.
    public static func mentions(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let at = rest.firstIndex(of: "@") {
            let before = at == rest.startIndex ? nil : rest[rest.index(before: at)]
            var name = rest[rest.index(after: at)...].prefix { $0.isLetter || $0.isNumber || "._-@+".contains($0) }
            rest = rest[rest.index(after: at)...].dropFirst(name.count)
            // An e-mail in the text (name@host) is not a mention.
            if let before, before.isLetter || before.isNumber { continue }
            while let last = name.last, ".-".contains(last) { name = name.dropLast() }
            if !name.isEmpty, !found.contains(String(name)) { found.append(String(name)) }
        }
        return found
    }

    /// The issue as the export writes it (`task.issues`, a termlabel field).
    public func json(settings: ProjectSettings) -> JSONValue {
        var o: JSONObject = ["issueId": .int(id), "content": .string(content)]
        o["schemaId"] = schemaId.map(JSONValue.string) ?? .null
        o["errorCode"] = errorCode.map(\.json) ?? .null
        o["mentions"] = .array(mentions.map { .string(settings.exportName(of: $0)) })
        o["status"] = .string(isOpen ? "Open" : "Resolved")
        o["stage"] = .string(stage.name)
        o["createdBy"] = .string(settings.exportName(of: createdBy))
        o["createdAt"] = .string(createdAt.iso8601)
        if let resolution {
            o["resolvedBy"] = .string(settings.exportName(of: resolution.by))
            o["resolvedAt"] = .string(resolution.at.iso8601)
            o["resolution"] = .string(resolution.comment)
        }
        return .object(o)
    }
}

/// What opening an issue asks for.
public struct NewIssue: Equatable, Sendable {
    public var taskId: Int64
    public var schemaId: String?
    public var content: String
    /// The key of one of the project's error codes.
    public var errorCode: String?
    public var user: String
    public var at: Timestamp

    public init(taskId: Int64, schemaId: String?, content: String, errorCode: String?, user: String, at: Timestamp) {
        self.taskId = taskId
        self.schemaId = schemaId
        self.content = content
        self.errorCode = errorCode
        self.user = user
        self.at = at
    }
}

/// One of a project's error codes (Ango's `error_codes`): what kind of mistake an issue reports.
public struct ErrorCode: Equatable, Sendable {
    public var category: String
    public var name: String
    public var key: String

    public init(category: String, name: String, key: String) {
        self.category = category
        self.name = name
        self.key = key
    }

    public var json: JSONValue { .object(["category": .string(category), "name": .string(name), "key": .string(key)]) }

    /// How the screen and `termlabel issues` name it: `KEY name (category)`.
    public var label: String { category.isEmpty ? "\(key) \(name)" : "\(key) \(name) (\(category))" }
}

extension ErrorCode {
    /// A project's error codes from a JSON file: an array of `{"category", "name", "key"}` (Ango's
    /// `error_codes`; `category` may be left out). Every problem is reported with its place.
    public static func list(from bytes: [UInt8], file: String) throws -> [ErrorCode] {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw DiagnosticsError(Diagnostic(error, file: file)) }
        guard let items = value.arrayValue else {
            throw DiagnosticsError(Diagnostic(.error, "the error codes must be a JSON array of {\"category\", \"name\", \"key\"}", file: file,
                                              location: SourceLocation(line: 1, column: 1), path: JSONPath()))
        }
        var codes: [ErrorCode] = []
        var problems: [Diagnostic] = []
        for (i, item) in items.enumerated() {
            let path = JSONPath() / i
            guard let object = item.objectValue else {
                problems.append(.error("an error code must be an object with \"name\" and \"key\"", at: path))
                continue
            }
            func text(_ key: String, required: Bool) -> String? {
                switch object[key] {
                case .string(let s)? where !s.trimmingCharacters(in: .whitespaces).isEmpty:
                    return s.trimmingCharacters(in: .whitespaces)
                case nil where !required: return ""
                default:
                    problems.append(.error("\"\(key)\" must be a non-empty string", at: object[key] == nil ? path : path / key,
                                           hint: required ? "every error code needs a \"\(key)\"" : nil))
                    return nil
                }
            }
            guard let key = text("key", required: true), let name = text("name", required: true),
                  let category = text("category", required: false) else { continue }
            if key.contains(where: { $0.isWhitespace }) {
                problems.append(.error("the key \"\(key)\" has a space in it", at: path / "key", hint: "a key is one word, as `termlabel issues --code KEY` takes it"))
                continue
            }
            if let first = codes.firstIndex(where: { $0.key == key }) {
                problems.append(.error("the key \"\(key)\" is used twice (first at [\(first)])", at: path / "key", hint: "give each error code its own key"))
                continue
            }
            codes.append(ErrorCode(category: category, name: name, key: key))
        }
        if !problems.isEmpty { throw DiagnosticsError(Diagnostic.located(problems, in: file, bytes: bytes)) }
        return codes
    }

    /// The list as the settings keep it.
    public static func json(_ codes: [ErrorCode]) -> String { JSONValue.array(codes.map(\.json)).description }

    /// The list from the settings' text; nil where it is not a list of codes.
    public static func stored(_ text: String) -> [ErrorCode]? {
        guard let items = (try? JSONParser.parse(text))?.arrayValue else { return nil }
        return items.compactMap { item in
            guard let o = item.objectValue, let key = o["key"]?.stringValue, let name = o["name"]?.stringValue else { return nil }
            return ErrorCode(category: o["category"]?.stringValue ?? "", name: name, key: key)
        }
    }
}

extension ProjectSettings {
    /// The project's error code with this key (nil for none); `unknownErrorCode` when it has none such.
    public func errorCode(_ key: String?) throws -> ErrorCode? {
        guard let key else { return nil }
        guard let code = errorCodes.first(where: { $0.key == key }) else {
            throw StoreError.unknownErrorCode(key, known: errorCodes.map(\.key))
        }
        return code
    }
}
