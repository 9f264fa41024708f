import FuzzAssets
import FuzzSupport
import LabelCore

/// The CSV reader and CSV assets, comma- and tab-separated. A table that reads, written back
/// with every field quoted, reads to the same fields; and the assets are one task per row.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssetsCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    for (delimiter, file) in [(UInt8(ascii: ","), "assets.csv"), (UInt8(ascii: "\t"), "assets.tsv")] {
        let table = try? CSVReader.read(bytes, delimiter: delimiter)
        if let table {
            let written = write([table.header] + table.records.map(\.fields), delimiter: delimiter)
            do {
                let again = try CSVReader.read(Array(written.utf8), delimiter: delimiter)
                check(again.header == table.header && again.records.map(\.fields) == table.records.map(\.fields),
                      "written back quoted, the table reads differently:\n\(written)")
            } catch {
                check(false, "written back quoted, the table does not read (\(error)):\n\(written)")
            }
        }
        let read = checkAssets(bytes, file: file)
        if let read, let table {
            check(read.tasks.count == table.records.count, "\(table.records.count) rows gave \(read.tasks.count) tasks")
        }
    }
    return 0
}

func write(_ rows: [[String]], delimiter: UInt8) -> String {
    let separator = String(UnicodeScalar(delimiter))
    return rows.map { fields in
        fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: separator)
    }.joined(separator: "\n") + "\n"
}
