import FuzzSupport
import LabelCore

/// What every asset reader promises, for any bytes: it returns tasks or pre-labels, or at least
/// one error, never neither; its counts add up; every task is named; every diagnostic names the
/// file and a place inside it; and no more errors are listed than the limit (plus the count line).
/// Returns what was read, for a target's own checks.
@discardableResult
public func checkAssets(_ bytes: [UInt8], file: String, textColumn: String? = nil) -> AssetFile? {
    let lines = bytes.count { $0 == 0x0A } + 1
    func checkPlaces(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            check(d.file == file, "a diagnostic without the file name: \(d)")
            check(!d.message.isEmpty, "a diagnostic without a message: \(d)")
            if let place = d.location {
                check(place.line >= 1 && place.line <= lines && place.column >= 1, "a place outside the file's \(lines) lines: \(d)")
            }
        }
    }
    let read: AssetFile
    do {
        read = try AssetReader.read(bytes, file: file, textColumn: textColumn)
    } catch {
        check(!error.errors.isEmpty, "refused without an error: \(error)")
        check(error.errors.count <= AssetReader.errorLimit + 1, "\(error.errors.count) errors listed, over the limit of \(AssetReader.errorLimit)")
        checkPlaces(error.diagnostics)
        return nil
    }
    check(!read.tasks.isEmpty || !read.preLabels.isEmpty, "read neither tasks nor pre-labels, and no error")
    check(read.warnings.allSatisfy { $0.severity == .warning }, "an error among the warnings of a file that reads")
    checkPlaces(read.warnings)
    let counted = read.counts.values.reduce(0, +)
    check(counted == read.tasks.count + read.preLabels.count,
          "counts \(read.counts) add up to \(counted), but \(read.tasks.count) tasks and \(read.preLabels.count) pre-labels were read")
    check(read.tasks.allSatisfy { !$0.externalId.isEmpty }, "a task without an externalId")
    check(read.tasks.allSatisfy { (-1000...1000).contains($0.priority) }, "a priority outside -1000...1000")
    return read
}
