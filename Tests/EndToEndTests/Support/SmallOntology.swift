import Foundation
import LabelCore

/// A two-question ontology for the timing tests, where the demo's required dropdown would only
/// add keystrokes: a required radio and a free text.
enum SmallOntology {
    static let json: JSONValue = [
        "tools": [],
        "classifications": [
            [
                "tool": "radio", "title": "Sentiment", "required": true, "schemaId": "q-sentiment", "shortcutKey": "a",
                "options": [["value": "Positive", "schemaId": "s-1"], ["value": "Neutral", "schemaId": "s-2"]],
                "classifications": [],
            ],
            [
                "tool": "text", "title": "Notes", "required": false, "schemaId": "q-notes", "shortcutKey": "b",
                "options": [], "classifications": [],
            ],
        ],
        "relations": [],
    ]

    /// Writes the ontology into the scratch directory; returns its path.
    static func write(in scratch: TemporaryDirectory) throws -> String {
        let path = scratch.path + "/small-ontology.json"
        try JSONWriter(pretty: true).string(json).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
