import Foundation
import Testing

@testable import LabelCore

/// A checkbox "Scene" (car, bike, night) and a radio "Weather" (sun, rain): frame-level labels
/// of the test frames match them.
let clearMLOntology = """
    {"tools": [], "relations": [], "classifications": [
      {"tool": "checkbox", "title": "Scene", "schemaId": "q-scene",
       "options": [{"value": "car", "schemaId": "o-car"}, {"value": "bike", "schemaId": "o-bike"}, {"value": "night", "schemaId": "o-night"}]},
      {"tool": "radio", "title": "Weather", "schemaId": "q-weather",
       "options": [{"value": "sun", "schemaId": "o-sun"}, {"value": "rain", "schemaId": "o-rain"}]}]}
    """

func readOntology(_ text: String) throws -> Ontology {
    try OntologyReader.read(Array(text.utf8), file: "ontology.json").ontology
}

/// What the asset pane shows beside a docs frame's URI.
let docsFrameMetadata: JSONValue = [
    "context_id": "car_1", "timestamp": 1234567889, "meta": ["velocity": "60"],
    "sources": [
        ["id": "front", "uri": "https://s3.amazonaws.com/my_cars/car_1/front.mp4", "content_type": "video/mp4", "width": 800, "height": 600,
         "preview": "https://s3.amazonaws.com/my_previews/car_1/front_preview.jpg"],
        ["id": "rear", "uri": "https://s3.amazonaws.com/my_cars/car_1/rear.mp4", "content_type": "video/mp4"],
    ],
]

@Suite("ClearML frames in: the real files", .enabled(if: RealFixtures.available))
struct ClearMLRealFileTests {
    func read(_ name: String, ontology: Ontology? = nil) throws -> AssetFile {
        try AssetReader.read(path: RealFixtures.path("clearml-frame", name), ontology: ontology)
    }

    func error(_ name: String) -> String? {
        do {
            _ = try read(name)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("the documented frames: the first source's URI is the asset, context and timestamp name it, geometric ROIs are no pre-labels", arguments: [
        "clearml-docs_previews-frame.json", "clearml-docs_sources-example3-frame.json",
    ])
    func docsFrame(name: String) throws {
        let file = try read(name, ontology: try readOntology(clearMLOntology))
        #expect(file.kind == .clearml)
        #expect(file.tasks == [NewTask(
            externalId: "car_1@1234567889", asset: "https://s3.amazonaws.com/my_cars/car_1/front.mp4", metadata: docsFrameMetadata,
            source: SourceRecord(format: .clearml, record: try RealFixtures.json("clearml-frame", name)))])
        #expect(file.counts == ["ClearML frames": 1])
        #expect(file.warnings == [])
        #expect(file.builtOntology == nil)
    }

    @Test("without an ontology, frames with only geometric ROIs build no questions")
    func noQuestionsToBuild() throws {
        #expect(try read("clearml-docs_previews-frame.json").builtOntology == nil)
    }

    @Test("the WebApp's frame view is recognised and named, not reported line by line")
    func webAppView() {
        #expect(error("clearml-docs_single-frame-webapp-view.txt") == """
            \(RealFixtures.path("clearml-frame", "clearml-docs_single-frame-webapp-view.txt")):1:1: error: this looks like ClearML's WebApp view of a frame (`id : "287024"`), not JSON
                termlabel reads frames as JSON (datasets.frame objects); get them from ClearML's API or SDK, one frame per record
            """)
    }

    @Test("a fragment of a frame with comments is recognised and named")
    func fragment() {
        #expect(error("clearml-docs_sources-example1-fragment.txt") == """
            \(RealFixtures.path("clearml-frame", "clearml-docs_sources-example1-fragment.txt")):1:1: error: this looks like part of a ClearML frame (`/* video from one of four cameras on car */`), not a whole frame in JSON
                a frame is one JSON object {"sources": [...], "rois": [...]}, without comments or trailing commas
            """)
    }
}

@Suite("ClearML frames in: frame-level labels and shapes")
struct ClearMLFrameShapeTests {
    /// Three frames: frame-level ROIs with `label` and `labels`, a polygon, a mask, an `area`,
    /// and a frame-level label no question offers.
    static let frames = """
        {"id": "f1", "sources": [{"id": "cam", "uri": "s3://b/1.jpg"}], "rois": [{"label": ["car"], "confidence": 0.8}, {"label": ["bike"], "poly": [1, 2.50, 3, 4e1]}, {"labels": ["night"]}]}
        {"id": 2, "sources": [{"id": "cam", "uri": "s3://b/2.jpg"}], "rois": [{"label": ["rain"], "mask": {"id": "m", "value": [1, 2, 3]}}, {"label": "sun"}, {"label": ["zebra"]}]}
        {"id": "f3", "sources": [{"id": "cam", "uri": "s3://b/3.jpg"}], "rois": [{"label": ["sun", "rain"]}, {"label": ["car"], "area": 40}]}
        """

    func classification(_ id: String, _ tool: String, _ title: String, _ answer: JSONValue) -> JSONValue {
        ["schemaId": .string(id), "tool": .string(tool), "title": .string(title), "answer": answer, "classifications": []]
    }

    @Test("frame-level labels (no poly, mask or area), from label or labels, pre-label the questions offering them")
    func preLabels() throws {
        let file = try AssetReader.read(Array(Self.frames.utf8), file: "frames.jsonl", ontology: try readOntology(clearMLOntology))
        #expect(file.tasks.map(\.externalId) == ["f1", "2", "f3"])
        #expect(file.tasks.map(\.asset) == ["s3://b/1.jpg", "s3://b/2.jpg", "s3://b/3.jpg"])
        #expect(file.tasks.map(\.annotations) == [
            Annotations(classifications: [classification("q-scene", "checkbox", "Scene", ["car", "night"])]),
            Annotations(classifications: [classification("q-weather", "radio", "Weather", "sun")]),
            Annotations(classifications: [classification("q-weather", "radio", "Weather", "sun")]),
        ])
        #expect(file.warnings.map(\.description) == [
            "frames.jsonl:2:151: warning: the frame-level label \"zebra\" is no option of the ontology; the ROI is kept as it came (at $.rois[2])",
            "frames.jsonl:3:73: warning: \"Weather\" takes one answer but the frame has 2 labels for it (sun, rain); the first is the pre-label (at $.rois)",
        ])
    }

    @Test("without an ontology, the frame-level labels seen build a checkbox")
    func builtQuestion() throws {
        let file = try AssetReader.read(Array(Self.frames.utf8), file: "frames.jsonl")
        #expect(file.builtOntology == ["tools": [], "classifications": [[
            "tool": "checkbox", "title": "Frame labels", "schemaId": "clearml-frame-labels", "required": false,
            "options": .array(["car", "night", "sun", "zebra", "rain"].map { ["value": .string($0), "schemaId": .string($0)] }),
            "classifications": [],
        ]], "relations": []])
        #expect(file.tasks.map(\.annotations.classifications) == [
            [classification("clearml-frame-labels", "checkbox", "Frame labels", ["car", "night"])],
            [classification("clearml-frame-labels", "checkbox", "Frame labels", ["sun", "zebra"])],
            [classification("clearml-frame-labels", "checkbox", "Frame labels", ["sun", "rain"])],
        ])
    }

    @Test("a get_snippet response's frames, in the API's data envelope, are the frames")
    func snippetResponse() throws {
        let file = try AssetReader.read(Array("""
            {"meta": {"result_code": 200}, "data": {"frames": [{"id": "a", "context_id": "c", "sources": [{"id": "s", "uri": "https://x/a.png", "width": 4, "height": 3}]}]}}
            """.utf8), file: "snippet.json")
        #expect(file.kind == .clearml)
        #expect(file.tasks.map(\.externalId) == ["a"])
        #expect(file.tasks.map(\.metadata) == [["id": "a", "context_id": "c", "sources": [["id": "s", "uri": "https://x/a.png", "width": 4, "height": 3]]]])
    }

    @Test("a frame whose first source has no uri is an error placed at that source")
    func sourceWithoutURI() {
        #expect(assetsError("""
            [{"id": "a", "sources": [{"id": "s", "uri": "https://x/a.png"}]},
             {"id": "b", "sources": [{"id": "s"}]}]
            """, file: "frames.json") == "frames.json:2:26: error: the frame's first source has no \"uri\" (at $[1].sources[0])")
    }
}
