/// A region of interest of a ClearML frame (`datasets.roi`). One without `poly`, `mask` or
/// `area` labels the whole frame: termlabel answers those; every other ROI passes through.
public enum ClearMLROI {
    static let geometryKeys = ["poly", "mask", "area"]

    /// Whether the ROI labels the whole frame rather than a region of it.
    public static func isFrameLevel(_ roi: JSONValue) -> Bool {
        guard let object = roi.objectValue else { return false }
        return !geometryKeys.contains { key in object[key].map { !$0.isNull } ?? false }
    }

    /// The ROI's labels: `label` (a list, as the API defines it, or one string), else `labels`.
    public static func labels(_ roi: JSONValue) -> [String] {
        for key in ["label", "labels"] {
            if let value = roi[key] {
                if let one = value.stringValue { return [one] }
                if let list = value.arrayValue { return list.compactMap(\.stringValue) }
            }
        }
        return []
    }

    /// The question answering a label: the first question with choices that offers it.
    static func question(for label: String, in ontology: Ontology) -> Question? {
        ontology.allQuestions.first { PreLabel.choiceKinds.contains($0.kind) && $0.choices.contains(label) }
    }

    /// Whether termlabel's form owns the ROI: frame-level, with every label an option of a question.
    /// Such ROIs are written from the answers on export; all others are written as they came.
    public static func isAnswered(_ roi: JSONValue, by ontology: Ontology) -> Bool {
        guard isFrameLevel(roi) else { return false }
        let labels = labels(roi)
        return !labels.isEmpty && labels.allSatisfy { question(for: $0, in: ontology) != nil }
    }
}
