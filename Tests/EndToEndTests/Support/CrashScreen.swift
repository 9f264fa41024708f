import Foundation
import LabelCore

/// Reading the crash test's labeling screen (the small ontology, tasks named `crash-N`), and the
/// answers an export holds.
enum CrashScreen {
    /// The externalId of the task open in the asset box (`┌ crash-7 · draft ─…`).
    static func openTask(_ screen: [String]) -> String? {
        for row in screen {
            guard let range = row.range(of: #"┌ crash-[0-9]+ · "#, options: .regularExpression) else { continue }
            return String(row[range].dropFirst(2).dropLast(3))
        }
        return nil
    }

    /// The Sentiment answer the form shows (`(•) 1 Positive`), nil when none is chosen.
    static func sentiment(_ screen: [String]) -> String? {
        for value in EndToEnd.Crash.values where screen.contains(where: { $0.contains("(•) \(value == "Positive" ? 1 : 2) \(value)") }) {
            return value
        }
        return nil
    }

    /// externalId → the Sentiment answer, for every exported task that has one.
    static func sentiments(_ export: [JSONValue]) -> [String: String] {
        var out: [String: String] = [:]
        for asset in export {
            guard let id = asset["externalId"]?.stringValue else { continue }
            let answers = ExportReading.flattened(asset["task"]?["classifications"]?.arrayValue ?? [])
            if let answer = answers.first(where: { $0["schemaId"] == "q-sentiment" })?["answer"]?.stringValue { out[id] = answer }
        }
        return out
    }
}
