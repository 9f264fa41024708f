import Foundation

/// Reads gold tasks for `termlabel add DIR --benchmark FILE`: a JSON array or JSON Lines of
///
/// - Ango export assets, `{"externalId", "asset", "metadata", "task": {"classifications": [...]}}`:
///   the task's classifications are the known answers; or
/// - asset records with answers, `{"externalId", "data" (or "asset"), "metadata", "classifications": [...]}`.
///
/// Answers are Ango's (`{"schemaId", "answer"}`, a `title` naming the question also works); a
/// text answer may carry `"regex"`: then any text matching the whole pattern is right. Only
/// top-level questions are scored. Every problem is reported with file, line, column and JSON
/// path; a record with no answer is refused, and the file adds nothing until all are right.
public enum BenchmarkFile {
    public static func read(path: String, ontology: Ontology) throws(DiagnosticsError) -> [GoldTask] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticsError(Diagnostic(.error, exists ? "cannot read the file (permission?)" : "no such file", file: path))
        }
        return try read(Array(data), file: path, ontology: ontology)
    }

    public static func read(_ bytes: [UInt8], file: String, ontology: Ontology) throws(DiagnosticsError) -> [GoldTask] {
        var tasks: [GoldTask] = []
        var problems: [Diagnostic] = []
        let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == UInt8(ascii: "[") {
            let json: JSONValue
            do { json = try JSONParser.parse(bytes) } catch { throw DiagnosticsError(Diagnostic(error, file: file)) }
            for (i, item) in (json.arrayValue ?? []).enumerated() {
                switch gold(item, at: JSONPath.root / i, ontology: ontology) {
                case .success(let task): tasks.append(task)
                case .failure(let found): problems += found.diagnostics
                }
            }
            problems = Diagnostic.located(problems, in: file, bytes: bytes)
        } else {
            AssetSource.eachLine(bytes) { line, number in
                do throws(JSONSyntaxError) {
                    let item = try JSONParser.parse(line)
                    switch gold(item, at: .root, ontology: ontology) {
                    case .success(let task): tasks.append(task)
                    case .failure(let found):
                        problems += found.diagnostics.map { d in
                            var d = d
                            d.file = file
                            d.location = d.path.flatMap { JSONParser.location(of: $0, in: line) }.map { SourceLocation(line: number, column: $0.column) }
                                ?? SourceLocation(line: number, column: 1)
                            return d
                        }
                    }
                } catch {
                    problems.append(Diagnostic(error, file: file, lineOffset: number - 1))
                }
                return problems.count < AssetReader.errorLimit
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        if tasks.isEmpty {
            throw DiagnosticsError(Diagnostic(.error, "no gold tasks in the file", file: file,
                hint: "give a JSON array or JSON Lines of {\"externalId\", \"data\", \"classifications\"} records, or an Ango export"))
        }
        return tasks
    }

    /// One record as a gold task, or what is wrong with it (paths from `path`).
    static func gold(_ item: JSONValue, at path: JSONPath, ontology: Ontology) -> Result<GoldTask, DiagnosticsError> {
        guard let record = item.objectValue else {
            return .failure(DiagnosticsError(.error("a gold task is a JSON object, found \(item.kindName)", at: path)))
        }
        guard let externalId = record["externalId"]?.stringValue, !externalId.isEmpty else {
            return .failure(DiagnosticsError(.error("a gold task needs an \"externalId\" (a non-empty string)", at: path,
                                                     hint: "gold tasks are named like any task, and must not share a name with one")))
        }
        let exported = record["task"]?.objectValue
        guard let asset = exported != nil ? record["asset"] : (record["data"] ?? record["asset"]) else {
            return .failure(DiagnosticsError(.error("gold task \"\(externalId)\" has no asset (\"data\" or \"asset\")", at: path)))
        }
        let answersPath = exported != nil ? path / "task" / "classifications" : path / "classifications"
        let answers = (exported?["classifications"] ?? record["classifications"])?.arrayValue ?? []
        guard !answers.isEmpty else {
            return .failure(DiagnosticsError(.error(
                "gold task \"\(externalId)\" has no answer", at: answersPath,
                hint: "a gold task needs its known answers in \(exported != nil ? "task.classifications" : "\"classifications\""), as Ango writes them")))
        }
        var problems: [Diagnostic] = []
        var normalized: [JSONValue] = []
        for (i, answer) in answers.enumerated() {
            let at = answersPath / i
            guard var object = answer.objectValue else {
                problems.append(.error("an answer is a JSON object, found \(answer.kindName)", at: at))
                continue
            }
            let named = object["schemaId"]?.stringValue ?? object["title"]?.stringValue ?? ""
            guard let question = ontology.classifications.first(where: { $0.schemaId == named })
                ?? ontology.classifications.first(where: { $0.title == named }) else {
                problems.append(.error("the answer names no top-level question of the ontology: \"\(named)\"", at: at,
                                       hint: "name the question by its schemaId; only top-level questions are scored"))
                continue
            }
            object["schemaId"] = .string(question.schemaId)
            if object["answer"] == nil || object["answer"] == .null {
                problems.append(.error("the answer to \"\(question.title)\" has no \"answer\"", at: at))
            }
            if let regex = object["regex"] {
                if question.kind != .text {
                    problems.append(.error("\"regex\" is for text questions; \"\(question.title)\" is \(question.kind.rawValue)", at: at / "regex"))
                } else if regex.stringValue.map({ (try? NSRegularExpression(pattern: $0)) == nil }) ?? true {
                    problems.append(.error("\"regex\" is not a regular expression: \(Excerpt.of(regex.description))", at: at / "regex"))
                }
            }
            let given = object["answer"].map { $0.arrayValue ?? [$0] } ?? []
            if question.kind != .text, let wrong = given.first(where: { $0.stringValue.map { !question.choices.contains($0) } ?? true }) {
                problems.append(.error("\"\(Excerpt.of(wrong.stringValue ?? wrong.description))\" is not an option of \"\(question.title)\"", at: at / "answer",
                                       hint: "give option values (not schemaIds): \(question.choices.prefix(5).map { "\"\(Excerpt.of($0))\"" }.joined(separator: ", "))\(question.choices.count > 5 ? ", …" : "")"))
            } else if problems.isEmpty, BenchmarkScore.score([], gold: [.object(object)], ontology: ontology).questions.isEmpty {
                problems.append(.error("the answer to \"\(question.title)\" is not one \(question.kind.rawValue) question can take", at: at / "answer",
                                       hint: "give an option's value (not its schemaId), a list for several choices, text for a text question"))
            }
            normalized.append(.object(object))
        }
        guard problems.isEmpty else { return .failure(DiagnosticsError(problems)) }
        let task = NewTask(
            externalId: externalId, asset: asset, metadata: record["metadata"] ?? [:], batches: record["batches"]?.arrayValue ?? [],
            priority: record["priority"]?.intValue ?? 0)
        return .success(GoldTask(task: task, answers: normalized))
    }
}
