import Testing

@testable import LabelCore

/// The format the registry picks for a small file.
private func detected(_ text: String, file: String) throws -> String? {
    FormatRegistry.detect(try AssetSource(bytes: Array(text.utf8), file: file))?.format.name
}

@Suite("Formats: detection and --format")
struct FormatDetectionTests {
    @Test("each format is recognised by its shape", arguments: [
        (#"{"externalId": "a", "data": "x"}"#, "a.jsonl", "assets"),
        (#"[{"data": {"url": "https://example.com/a.png"}}]"#, "a.json", "assets"),
        (#"[{"asset": "x", "externalId": "a", "task": {"taskId": "t", "stageHistory": []}}]"#, "a.json", "ango-export"),
        (#"[{"asset": "x", "externalId": "a", "tasks": []}]"#, "a.json", "ango-export"),
        (#"[{"externalId": "a", "objects": []}]"#, "a.json", "ango-import"),
        (#"{"status": "success", "data": {"tasks": [], "total": 0}}"#, "a.json", "ango-api"),
        (#"{"tools": [], "classifications": [], "relations": []}"#, "a.json", "ango-ontology"),
        (#"{"taskId": "t", "stage": "Complete", "stageHistory": []}"#, "a.json", "ango-task"),
        (#"[{"id": 1, "data": {"text": "x"}, "annotations": []}]"#, "a.json", "label-studio"),
        (#"[{"data": {"text": "x"}}]"#, "a.json", "label-studio"),
        (#"{"text": "x", "label": "A", "answer": "accept"}"#, "a.jsonl", "prodigy"),
        (#"{"text": "x", "meta": {}}"#, "a.jsonl", "prodigy"),
        (#"{"text": "x", "label": ["A"]}"#, "a.jsonl", "doccano"),
        ("text,label\nx,A\n", "a.csv", "doccano"),
        ("externalId,text\na,x\n", "a.csv", "csv"),
    ])
    func recognised(_ text: String, _ file: String, _ format: String) throws {
        #expect(try detected(text, file: file) == format)
    }

    @Test("--format reads a file as the format it names")
    func forced() throws {
        let file = try readFormat("text,label\nx,A\n", file: "a.csv", format: "csv")
        #expect(file.format == "csv")
        #expect(file.tasks == [NewTask(externalId: "a-2", asset: "x", metadata: ["label": "A"])])
    }

    @Test("an unknown --format is refused with the names there are")
    func unknownFormat() {
        #expect(formatError("{}", file: "a.json", format: "yolo") == """
            a.json: error: termlabel knows no format "yolo"
                the formats are: scale, clearml, ango-api, ango-export, ango-import, label-studio, prodigy, doccano, csv, assets
            """)
    }

    @Test("a COCO dataset is said to be one, with what to do instead")
    func coco() {
        #expect(formatError(#"{"images": [{"id": 1, "file_name": "a.jpg"}], "annotations": [], "categories": []}"#, file: "coco.json") == """
            coco.json: error: this looks like a COCO dataset (object detection) ("images", "annotations" and "categories"); termlabel reads \
            Scale tasks, ClearML frames, an Ango API task response, an Ango export, an Ango import (pre-label) file, a Label Studio export, Prodigy data, a doccano export, \
            CSV with a text column, JSON records of {"externalId", "data", "metadata"}
                termlabel asks classification questions, not boxes or masks; to classify the images, list them as {"externalId", "data": "<image URL>"} records
            """)
    }

    @Test("a format recognised but not read is refused even when named")
    func namedButNotRead() {
        #expect(formatError("{}", file: "a.json", format: "ango-ontology") == """
            a.json: error: this looks like an Ango ontology (category schema); termlabel reads Scale tasks, ClearML frames, an Ango API task response, an Ango export, \
            an Ango import (pre-label) file, a Label Studio export, Prodigy data, a doccano export, CSV with a text column, \
            JSON records of {"externalId", "data", "metadata"}
                give it to init with --ontology; `termlabel validate` checks it
            """)
    }
}
