import OrderedCollections

/// A JSON document as written: objects keep their key order and numbers keep their literal text,
/// so a file read and written again comes out the same (Ango's coordinates such as
/// `301.6699801192843` must not be re-rounded, and keys we do not know must survive in place).
public enum JSONValue: Equatable, Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as it appeared in the source (or as we formatted it).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int<I: BinaryInteger>(_ value: I) -> JSONValue { .number(String(value)) }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var isNull: Bool { self == .null }

    public var intValue: Int? {
        guard case .number(let literal) = self else { return nil }
        if let i = Int(literal) { return i }
        if let d = Double(literal), d.rounded() == d, abs(d) < 9e15 { return Int(d) }
        return nil
    }

    public var doubleValue: Double? {
        guard case .number(let literal) = self else { return nil }
        return Double(literal)
    }

    /// The kind of value, in words, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

/// An object whose keys keep the order they were read or inserted in.
public typealias JSONObject = OrderedDictionary<String, JSONValue>

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
