/// How many diagnostics are listed: a file with 100,000 problems gets the first few of each
/// severity and the count of the rest, never 100,000 lines.
public enum DiagnosticLimit {
    /// At most this many errors, and this many warnings, are listed.
    public static let perSeverity = 20

    /// The first `limit` errors and the first `limit` warnings, in their order, each group ended
    /// by a line that counts the ones left out.
    public static func capped(_ diagnostics: [Diagnostic], limit: Int = perSeverity, file: String? = nil) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var left: [Diagnostic.Severity: Int] = [:]
        var shown: [Diagnostic.Severity: Int] = [:]
        for d in diagnostics {
            if shown[d.severity, default: 0] < limit {
                shown[d.severity, default: 0] += 1
                out.append(d)
            } else {
                left[d.severity, default: 0] += 1
            }
        }
        for severity in [Diagnostic.Severity.error, .warning] {
            guard let n = left[severity], n > 0 else { continue }
            let line = Diagnostic(severity, "… and \(n) more \(severity.rawValue)\(n == 1 ? "" : "s")", file: file)
            if let last = out.lastIndex(where: { $0.severity == severity }) { out.insert(line, at: last + 1) } else { out.append(line) }
        }
        return out
    }
}
