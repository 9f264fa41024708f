import ArgumentParser
import Foundation
import LabelCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an ontology or an assets file, and summarise what is in it.",
        discussion: """
            Exits 0 and prints a summary when the file is valid. Otherwise prints every problem found, \
            each with file:line:column and, for problems of meaning, the JSON path, and exits 1.

            An ontology is recognised by its "classifications" (or a get-project response); anything \
            else is read as assets.
            """)

    @Argument(help: "The ontology or assets file.", completion: .file())
    var file: String

    @Option(help: ArgumentHelp("For CSV: the column holding the text to label.", valueName: "name"))
    var textColumn: String?

    /// One JSON object that is not an asset record is an ontology (or is best explained as one);
    /// a file that is not valid JSON and starts with `{` too, so its syntax error is reported.
    func isOntology(_ bytes: [UInt8]) -> Bool {
        let lower = file.lowercased()
        if [".csv", ".tsv", ".jsonl", ".ndjson"].contains(where: lower.hasSuffix) || textColumn != nil { return false }
        guard let json = try? JSONParser.parse(bytes) else {
            let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
            return first == UInt8(ascii: "{") && !lower.hasSuffix(".jsonl")
        }
        guard json.objectValue != nil else { return false }
        return OntologyReaderProbe.looksLikeOntology(json) || !OntologyReaderProbe.looksLikeAssetRecord(json)
    }

    func run() throws {
        try Console.run {
            let bytes = try ProjectFiles.read(file)
            if isOntology(bytes) {
                let result = try OntologyReader.read(bytes, file: file)
                Console.report(result.warnings)
                Console.out(OntologySummary.text(result.ontology, file: file))
            } else {
                let assets = try AssetReader.read(bytes, file: file, textColumn: textColumn)
                Console.report(assets.warnings)
                Console.out(AssetSummary.text(assets, file: file))
                if let built = assets.builtOntology { Console.out(BuiltOntology.text(built)) }
            }
        }
    }
}

enum OntologyReaderProbe {
    static func looksLikeOntology(_ json: JSONValue) -> Bool {
        json["classifications"] != nil || json["tools"] != nil || json["categorySchema"] != nil || json["data"]?["project"] != nil
    }

    static func looksLikeAssetRecord(_ json: JSONValue) -> Bool {
        json["externalId"] != nil || json["asset"] != nil || json["task"] != nil || ScaleTaskReader.detect(json)
            || ClearMLFrameReader.detect(json)
    }
}

enum OntologySummary {
    static func text(_ ontology: Ontology, file: String) -> String {
        let all = ontology.allQuestions
        var counts: [QuestionKind: Int] = [:]
        for q in all { counts[q.kind, default: 0] += 1 }
        let kinds = QuestionKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", ")
        let nested = all.count - ontology.classifications.count
        let required = all.filter(\.required).count
        var lines = [
            "\(file): a valid ontology.",
            "  \(all.count) questions (\(kinds)); \(nested) nested, \(required) required.",
            "  \(ontology.tools.count) object tools and \(ontology.relations.count) relations kept (not asked in termlabel's form).",
        ]
        var shown = 0
        func walk(_ questions: [Question], depth: Int, values: [String: String]) {
            for q in questions {
                shown += 1
                guard shown <= 16 else { return }
                let indent = String(repeating: "  ", count: depth + 2)
                // The condition as the annotator sees it: the option's value, not its id.
                let parent = q.parentOptionId.map { " (when \(Excerpt.of(values[$0] ?? $0)))" } ?? ""
                let key = q.shortcutKey.map { " [\($0)]" } ?? ""
                let size = q.kind == .text ? (q.regex.map { " /\(Excerpt.of($0))/" } ?? "") : " \(q.choices.count) choices"
                lines.append("\(indent)\(q.required ? "*" : "-") \(Excerpt.of(q.title)) — \(q.kind.rawValue)\(size)\(key)\(parent)")
                if !q.children.isEmpty { walk(q.children, depth: depth + 1, values: optionValues(q)) }
            }
        }
        walk(ontology.classifications, depth: 0, values: [:])
        shown = all.count
        if shown > 16 { lines.append("    … and \(shown - 16) more") }
        return lines.joined(separator: "\n")
    }

    /// A question's option ids (tree node keys) to the values answers use.
    static func optionValues(_ q: Question) -> [String: String] {
        var values: [String: String] = [:]
        if q.kind == .treeDropdown {
            for flat in q.tree.flattened() where values[flat.node.key] == nil { values[flat.node.key] = flat.path }
        } else {
            for option in q.options where values[option.schemaId] == nil { values[option.schemaId] = option.value }
        }
        return values
    }
}

enum AssetSummary {
    static func text(_ file: AssetFile, file path: String) -> String {
        let counts = file.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let prelabeled = file.tasks.filter { !$0.annotations.classifications.isEmpty || !$0.annotations.tools.isEmpty }.count
        var metadataKeys: Set<String> = []
        for task in file.tasks.prefix(10_000) { metadataKeys.formUnion(task.metadata.objectValue?.keys ?? []) }
        var lines = ["\(path): valid \(file.kind.rawValue) with \(counts)."]
        // Tasks as a project would hold them: a record repeating an externalId or a taskId is not one.
        let distinct = AssetRepeats.distinctCount(file.tasks)
        let repeats = file.tasks.count - distinct
        let tasks = "\(distinct) task\(distinct == 1 ? "" : "s")" + (repeats > 0 ? " (\(repeats) more record\(repeats == 1 ? "" : "s") repeat an externalId or taskId)" : "")
        lines.append("  \(tasks), \(prelabeled) with pre-labels; \(file.preLabels.count) pre-label records for tasks already in a project.")
        if !metadataKeys.isEmpty { lines.append("  metadata keys: \(metadataKeys.sorted().prefix(12).map { Excerpt.of($0, limit: 40) }.joined(separator: ", "))") }
        if let first = file.tasks.first {
            let text = first.asset.stringValue ?? first.asset.description
            lines.append("  first: \(Excerpt.of(first.externalId)): \(String(text.prefix(60)).replacingOccurrences(of: "\n", with: " "))")
        }
        return lines.joined(separator: "\n")
    }
}
