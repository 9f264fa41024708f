/// A COCO dataset (`{"images", "annotations", "categories"}`): recognised so it gets a clear
/// message, not read. Its boxes, polygons and masks are no questions termlabel asks.
public struct COCOFormat: AssetFormat {
    public let name = "coco"
    public let title = "a COCO dataset (object detection)"
    public let reads = false
    public let hint: String? = "termlabel asks classification questions, not boxes or masks; to classify the images, list them as {\"externalId\", \"data\": \"<image URL>\"} records"
    public init() {}

    public func detect(_ source: AssetSource) -> Detection? {
        guard let json = source.document, json["images"]?.arrayValue != nil, json["annotations"]?.arrayValue != nil || json["categories"]?.arrayValue != nil
        else { return nil }
        return .certain("\"images\", \"annotations\" and \"categories\"")
    }
}
