/// ClearML frames copied as text rather than JSON: the WebApp's frame view (`id : "287024"`,
/// `rois : Array[2] [...]`) or a fragment of a frame from the documentation (`"sources": [...]`
/// with comments and trailing commas). Recognised so the person hears what they have, not a
/// JSON syntax error on every line.
public enum ClearMLText {
    /// What the text is and what to do, when it is one of these.
    public static func diagnose(_ bytes: [UInt8], file: String) -> Diagnostic? {
        let text = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first, first.first != "{", first.first != "[" else { return nil }
        let webAppKeys = ["id", "timestamp", "rois", "sources", "context_id", "dataset", "saved", "num_frames"]
        let viewLines = lines.filter { line in webAppKeys.contains { line.hasPrefix("\($0) : ") } }
        if viewLines.count >= 2, lines.contains(where: { $0.hasPrefix("rois : Array[") || $0.hasPrefix("sources : Array[") }) {
            return Diagnostic(
                .error, "this looks like ClearML's WebApp view of a frame (`\(first)`), not JSON", file: file,
                location: SourceLocation(line: 1, column: 1),
                hint: "termlabel reads frames as JSON (datasets.frame objects); get them from ClearML's API or SDK, one frame per record")
        }
        if text.contains("\"sources\""), text.contains("\"uri\"") {
            return Diagnostic(
                .error, "this looks like part of a ClearML frame (`\(first)`), not a whole frame in JSON", file: file,
                location: SourceLocation(line: 1, column: 1),
                hint: "a frame is one JSON object {\"sources\": [...], \"rois\": [...]}, without comments or trailing commas")
        }
        return nil
    }
}
