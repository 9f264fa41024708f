import Foundation
import LabelCore
import Testing

/// Pieces of an exported asset, for exact comparisons.
enum ExportReading {
    /// The exported asset with this externalId.
    static func asset(_ externalId: String, in export: [JSONValue], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> JSONValue {
        try #require(export.first { $0["externalId"] == .string(externalId) }, "no \(externalId) in the export", sourceLocation: sourceLocation)
    }

    /// Classifications without the fields that vary from run to run (`objectId`, `metadata`),
    /// recursively; everything else in Ango's key order, as written.
    static func stable(_ classifications: [JSONValue]) -> [JSONValue] {
        classifications.map { item in
            guard var object = item.objectValue else { return item }
            object.removeValue(forKey: "objectId")
            object.removeValue(forKey: "metadata")
            if let children = object["classifications"]?.arrayValue { object["classifications"] = .array(stable(children)) }
            return .object(object)
        }
    }

    /// Every classification object, nested ones included, depth first.
    static func flattened(_ classifications: [JSONValue]) -> [JSONObject] {
        classifications.flatMap { item -> [JSONObject] in
            guard let object = item.objectValue else { return [] }
            return [object] + flattened(object["classifications"]?.arrayValue ?? [])
        }
    }

    static func isObjectId(_ value: JSONValue?) -> Bool {
        guard let text = value?.stringValue else { return false }
        return text.count == 23 && text.allSatisfy(\.isHexDigit)
    }

    /// A classification object as termlabel writes one (before `objectId` and `metadata` are
    /// stripped by `stable`).
    static func answer(_ schemaId: String, _ tool: String, _ title: String, _ answer: JSONValue,
                       _ children: [JSONValue] = []) -> JSONValue {
        ["schemaId": .string(schemaId), "tool": .string(tool), "title": .string(title), "answer": answer,
         "classifications": .array(children)]
    }
}
