import OrderedCollections

/// A task's annotations in Ango's shapes: classification objects, object-tool labels (which
/// termlabel does not draw, and keeps as they came) and relations.
public struct Annotations: Equatable, Sendable {
    public var classifications: [JSONValue]
    public var tools: [JSONValue]
    public var relations: [JSONValue]

    public init(classifications: [JSONValue] = [], tools: [JSONValue] = [], relations: [JSONValue] = []) {
        self.classifications = classifications
        self.tools = tools
        self.relations = relations
    }

    public static let empty = Annotations()
    public var isEmpty: Bool { classifications.isEmpty && tools.isEmpty && relations.isEmpty }

    /// Reads `tools` (or an import file's `objects`), `classifications` and `relations` from an object.
    public init(from object: JSONObject) {
        self.init(
            classifications: object["classifications"]?.arrayValue ?? [],
            tools: object["tools"]?.arrayValue ?? object["objects"]?.arrayValue ?? [],
            relations: object["relations"]?.arrayValue ?? [])
    }
}
