import Foundation
import OrderedCollections

/// CSV assets: one task per row. The text column becomes the asset, an `externalId` column (or
/// `--id-column`) names the task, and every other column goes into its metadata.
enum CSVAssets {
    static func read(_ bytes: [UInt8], file: String, textColumn: String?, idColumn: String?, delimiter: UInt8) throws(DiagnosticsError) -> AssetFile {
        let table: CSVReader.Table
        do { table = try CSVReader.read(bytes, delimiter: delimiter) } catch {
            throw DiagnosticsError(Diagnostic(.error, error.message, file: file, location: error.location))
        }
        guard !table.header.isEmpty else { throw DiagnosticsError(Diagnostic(.error, "the CSV file is empty", file: file)) }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        let textName = textColumn ?? ["text", "data", "asset"].first(where: header.contains)
        guard let textName, let textIndex = header.firstIndex(of: textName) else {
            throw DiagnosticsError(Diagnostic(
                .error, textColumn.map { "no column named \"\($0)\"" } ?? "which column holds the text to label?",
                file: file, location: SourceLocation(line: 1, column: 1),
                hint: "name it with --text-column; the columns are: " + header.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        let idName = idColumn ?? (header.contains("externalId") ? "externalId" : nil)
        var idIndex: Int?
        if let idName {
            guard let i = header.firstIndex(of: idName) else {
                throw DiagnosticsError(Diagnostic(.error, "no column named \"\(idName)\"", file: file, location: SourceLocation(line: 1, column: 1)))
            }
            idIndex = i
        }
        var tasks: [NewTask] = []
        var errors: [Diagnostic] = []
        var errorCount = 0
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        for record in table.records {
            guard record.fields.count == header.count else {
                errorCount += 1
                if errorCount <= AssetReader.errorLimit {
                    errors.append(Diagnostic(
                        .error, "the row has \(record.fields.count) fields but the header has \(header.count)", file: file,
                        location: SourceLocation(line: record.line, column: 1), hint: "quote fields that contain the delimiter"))
                }
                continue
            }
            var metadata = JSONObject()
            for (i, name) in header.enumerated() where i != textIndex && i != idIndex {
                metadata[name] = .string(record.fields[i])
            }
            let id = idIndex.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "\(base)-\(record.line)"
            tasks.append(NewTask(externalId: id, asset: .string(record.fields[textIndex]), metadata: .object(metadata)))
        }
        if errorCount > AssetReader.errorLimit {
            errors.append(Diagnostic(.error, "… and \(errorCount - AssetReader.errorLimit) more errors", file: file))
        }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        if tasks.isEmpty { throw DiagnosticsError(Diagnostic(.error, "the CSV file has a header but no rows", file: file)) }
        return AssetFile(kind: .csv, tasks: tasks, counts: ["assets": tasks.count])
    }
}
