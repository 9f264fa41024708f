import Foundation
import OrderedCollections

/// Reads an Ango category schema, bare (`{"tools", "classifications", "relations"}`) or wrapped
/// in a get-project response (`{"data": {"project": {"categorySchema": …}}}`), and checks it.
/// Every problem found is reported, not just the first.
public enum OntologyReader {
    public struct Result: Sendable {
        public var ontology: Ontology
        public var warnings: [Diagnostic]
    }

    /// Reads and checks a schema file's bytes. Diagnostics carry the file name and line:column.
    public static func read(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> Result {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw DiagnosticsError(Diagnostic(error, file: file))
        }
        do {
            let result = try read(json)
            let warnings = inFileOrder(Diagnostic.located(result.warnings, in: file, bytes: bytes))
            return Result(ontology: result.ontology, warnings: DiagnosticLimit.capped(warnings, file: file))
        } catch {
            let all = inFileOrder(Diagnostic.located(error.diagnostics, in: file, bytes: bytes))
            throw DiagnosticsError(DiagnosticLimit.capped(all, file: file))
        }
    }

    /// Errors first, each group in the order of the file.
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let ka = (a.element.severity == .error ? 0 : 1, a.element.location?.line ?? .max, a.element.location?.column ?? .max, a.offset)
            let kb = (b.element.severity == .error ? 0 : 1, b.element.location?.line ?? .max, b.element.location?.column ?? .max, b.offset)
            return ka < kb
        }.map(\.element)
    }

    /// Reads and checks a parsed schema. Diagnostics carry JSON paths.
    public static func read(_ json: JSONValue) throws(DiagnosticsError) -> Result {
        var checker = Checker()
        let ontology = checker.ontology(json)
        if checker.diagnostics.contains(where: { $0.severity == .error }) || ontology == nil {
            throw DiagnosticsError(checker.diagnostics.sorted { $0.severity == .error && $1.severity != .error })
        }
        return Result(ontology: ontology!, warnings: checker.diagnostics)
    }

    /// Finds the category schema inside what was given and the path where it sits.
    static func unwrap(_ json: JSONValue) -> (schema: JSONObject, path: JSONPath)? {
        guard let object = json.objectValue else { return nil }
        if object["classifications"] != nil || object["tools"] != nil { return (object, .root) }
        if let schema = object["categorySchema"]?.objectValue { return (schema, JSONPath.root / "categorySchema") }
        if let schema = json["data"]?["project"]?["categorySchema"]?.objectValue {
            return (schema, JSONPath.root / "data" / "project" / "categorySchema")
        }
        if let schema = json["project"]?["categorySchema"]?.objectValue {
            return (schema, JSONPath.root / "project" / "categorySchema")
        }
        return nil
    }

    struct Checker {
        var diagnostics: [Diagnostic] = []
        var seenSchemaIds: [String: JSONPath] = [:]
        var seenShortcuts: [ShortcutKey: JSONPath] = [:]

        mutating func error(_ message: String, _ path: JSONPath, hint: String? = nil) {
            diagnostics.append(.error(message, at: path, hint: hint))
        }

        mutating func warning(_ message: String, _ path: JSONPath, hint: String? = nil) {
            diagnostics.append(.warning(message, at: path, hint: hint))
        }

        mutating func ontology(_ json: JSONValue) -> Ontology? {
            guard let (schema, base) = OntologyReader.unwrap(json) else {
                error(
                    json.objectValue == nil
                        ? "an ontology must be a JSON object, but this is \(json.kindName)"
                        : "no category schema here: expected \"classifications\" (or \"data\".\"project\".\"categorySchema\")",
                    .root,
                    hint: "use the JSON Ango Hub downloads as the project's ontology: {\"tools\": [], \"classifications\": [], \"relations\": []}")
                return nil
            }
            let tools = list(schema["tools"], base / "tools") ?? []
            let relations = list(schema["relations"], base / "relations") ?? []
            var questions: [Question] = []
            if let items = list(schema["classifications"], base / "classifications") {
                for (i, item) in items.enumerated() {
                    if let q = question(item, base / "classifications" / i, parent: nil) { questions.append(q) }
                }
            }
            if questions.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
                warning("the ontology has no classification questions termlabel can ask", base / "classifications")
            }
            return Ontology(classifications: questions, tools: tools, relations: relations, source: .object(schema))
        }

        mutating func list(_ value: JSONValue?, _ path: JSONPath) -> [JSONValue]? {
            guard let value, !value.isNull else { return nil }
            guard let items = value.arrayValue else {
                error("expected an array, found \(value.kindName)", path)
                return nil
            }
            return items
        }

        mutating func string(_ object: JSONObject, _ key: String, _ path: JSONPath, required: Bool) -> String? {
            guard let value = object[key], !value.isNull else {
                if required { error("missing \"\(key)\"", path) }
                return nil
            }
            guard let s = value.stringValue else {
                error("\"\(key)\" must be a string, found \(value.kindName)", path / key)
                return nil
            }
            return s
        }

        /// A parent question's option ids, worked out once for all its nested questions (a tree of
        /// 200,000 nodes is not flattened again for each of 2,000 children).
        struct Parent {
            var question: Question
            var ids: Set<String>
            var hint: String
            init(_ q: Question) {
                question = q
                ids = Set(q.kind == .treeDropdown ? q.tree.flattened().map(\.node.key) : q.options.map(\.schemaId))
                hint = "use the schemaId of one of its options: " + Checker.optionIds(q).prefix(8).map { Excerpt.of($0) }.joined(separator: ", ")
            }
        }

        mutating func question(_ json: JSONValue, _ path: JSONPath, parent: Parent?) -> Question? {
            guard let object = json.objectValue else {
                error("a classification must be an object, found \(json.kindName)", path)
                return nil
            }
            guard let toolName = string(object, "tool", path, required: true) else { return nil }
            guard let kind = QuestionKind(rawValue: toolName) else {
                if QuestionKind.keptButNotAsked.contains(toolName) {
                    warning("the \"\(Excerpt.of(toolName))\" tool is kept but termlabel does not ask it", path / "tool")
                } else {
                    let known = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
                    error("unknown tool type \"\(Excerpt.of(toolName))\"", path / "tool", hint: "a classification's tool is one of: \(known)")
                }
                return nil
            }
            let schemaId = string(object, "schemaId", path, required: true) ?? ""
            if schemaId.isEmpty, object["schemaId"]?.stringValue == "" { error("\"schemaId\" is empty", path / "schemaId") }
            if !schemaId.isEmpty {
                if let first = seenSchemaIds[schemaId] {
                    error("duplicate schemaId \"\(Excerpt.of(schemaId))\" (also at \(first))", path / "schemaId",
                          hint: "every classification needs its own schemaId")
                } else {
                    seenSchemaIds[schemaId] = path / "schemaId"
                }
            }
            let title = string(object, "title", path, required: false) ?? ""
            if title.isEmpty { warning("the question has no title; its schemaId will be shown instead", path) }
            var required = false
            if let value = object["required"], !value.isNull {
                if let b = value.boolValue { required = b } else { error("\"required\" must be true or false", path / "required") }
            }
            var shortcut: ShortcutKey?
            if let text = string(object, "shortcutKey", path, required: false), !text.isEmpty {
                if let key = ShortcutKey(text) {
                    if let first = seenShortcuts[key] {
                        error("shortcutKey \"\(Excerpt.of(text))\" is already used (at \(first))", path / "shortcutKey")
                    } else {
                        seenShortcuts[key] = path / "shortcutKey"
                        shortcut = key
                    }
                } else {
                    error("shortcutKey \"\(Excerpt.of(text))\" is not one Ango allows", path / "shortcutKey",
                          hint: "use \"0\"–\"9\", \"ctrl+0\"–\"ctrl+9\", \"a\"–\"k\", or \"\"")
                }
            }
            var regex: String?
            if let pattern = string(object, "regex", path, required: false), !pattern.isEmpty {
                if kind != .text { warning("\"regex\" is only used by text questions", path / "regex") }
                do {
                    _ = try NSRegularExpression(pattern: pattern)
                    regex = pattern
                } catch {
                    self.error("the regex \(JSONWriter.quoted(Excerpt.of(pattern))) does not compile", path / "regex",
                               hint: "write it without surrounding slashes, in JavaScript regular expression syntax")
                }
            }
            var options: [QuestionOption] = []
            if kind.usesOptions {
                options = self.options(object["options"], path / "options")
                // An option that is there but broken has its own error; this one is for none at all.
                let given = object["options"] ?? .null
                if given.isNull || given.arrayValue?.isEmpty == true {
                    error("a \(kind.rawValue) question needs at least one option", path / "options")
                }
            }
            var tree: [TreeNode] = []
            if kind == .treeDropdown {
                tree = treeNodes(object["treeOptions"], path / "treeOptions")
                if tree.isEmpty { error("a tree-dropdown question needs \"treeOptions\" with at least one node", path / "treeOptions") }
                var seen: [String: Int] = [:]
                for flat in tree.flattened() {
                    seen[flat.path, default: 0] += 1
                    if seen[flat.path] == 2 {
                        error("two tree nodes have the same path \"\(Excerpt.of(flat.path))\"", path / "treeOptions",
                              hint: "answers name nodes by their path, so sibling titles must differ")
                    }
                }
            }
            let parentOptionId = string(object, "parentOptionId", path, required: false).flatMap { $0.isEmpty ? nil : $0 }
            if let parentOptionId {
                if let parent {
                    if !parent.ids.contains(parentOptionId) {
                        error("parentOptionId \"\(Excerpt.of(parentOptionId))\" is no option of the parent question \"\(Excerpt.of(parent.question.title))\"",
                              path / "parentOptionId", hint: parent.hint)
                    }
                } else {
                    warning("a top-level question has a parentOptionId; it is ignored", path / "parentOptionId")
                }
            }
            var question = Question(
                schemaId: schemaId, kind: kind, title: title.isEmpty ? schemaId : title, required: required,
                shortcutKey: shortcut, options: options, tree: tree, regex: regex,
                parentOptionId: parent == nil ? nil : parentOptionId, children: [], raw: object,
                description: note(object, "description", path), hint: note(object, "hint", path))
            if let children = list(object["classifications"], path / "classifications"), !children.isEmpty {
                let context = Parent(question)
                for (i, child) in children.enumerated() {
                    if let q = self.question(child, path / "classifications" / i, parent: context) {
                        question.children.append(q)
                    }
                }
            }
            return question
        }

        /// A question's `description` or `hint`: text to show, else nil. Ango does not document
        /// either on classifications, so anything but a string is set aside with a warning.
        mutating func note(_ object: JSONObject, _ key: String, _ path: JSONPath) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let text = value.stringValue else {
                warning("\"\(key)\" should be text, found \(value.kindName); it is not shown", path / key)
                return nil
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        /// `id (value)` for each option (or tree node) of a question, for hints.
        static func optionIds(_ q: Question) -> [String] {
            q.kind == .treeDropdown
                ? q.tree.flattened().map { "\($0.node.key) (\($0.path))" }
                : q.options.map { "\($0.schemaId) (\($0.value))" }
        }

        mutating func options(_ value: JSONValue?, _ path: JSONPath) -> [QuestionOption] {
            guard let items = list(value, path) else { return [] }
            var out: [QuestionOption] = []
            var values: Set<String> = []
            var ids: Set<String> = []
            for (i, item) in items.enumerated() {
                let at = path / i
                guard let object = item.objectValue else {
                    error("an option must be an object with \"value\" and \"schemaId\", found \(item.kindName)", at)
                    continue
                }
                guard let value = string(object, "value", at, required: false), !value.isEmpty else {
                    // A value that is not a string has been reported already.
                    if object["value"]?.stringValue != nil || object["value"]?.isNull ?? true {
                        error("an option has no value", at, hint: "answers are written as option values, so every option needs one")
                    }
                    continue
                }
                let id = string(object, "schemaId", at, required: false) ?? value
                if !values.insert(value).inserted {
                    error("two options have the value \"\(Excerpt.of(value))\"", at / "value", hint: "option values must differ within a question")
                }
                if !ids.insert(id).inserted { error("two options have the schemaId \"\(Excerpt.of(id))\"", at / "schemaId") }
                out.append(QuestionOption(value: value, schemaId: id))
            }
            return out
        }

        mutating func treeNodes(_ value: JSONValue?, _ path: JSONPath) -> [TreeNode] {
            guard let items = list(value, path) else { return [] }
            var out: [TreeNode] = []
            for (i, item) in items.enumerated() {
                let at = path / i
                guard let object = item.objectValue else {
                    error("a tree node must be an object, found \(item.kindName)", at)
                    continue
                }
                guard let title = string(object, "title", at, required: true), !title.isEmpty else {
                    if object["title"]?.stringValue == "" { error("a tree node has an empty title", at / "title") }
                    continue
                }
                if title.contains(TreeNode.pathSeparator) {
                    warning("the node title \"\(Excerpt.of(title))\" contains \" / \", which makes its path ambiguous", at / "title")
                }
                let key = string(object, "key", at, required: false) ?? string(object, "value", at, required: false) ?? title
                let nodeValue = string(object, "value", at, required: false)
                let children = treeNodes(object["children"], at / "children")
                out.append(TreeNode(title: title, key: key, value: nodeValue ?? key, children: children))
            }
            return out
        }
    }
}
