import Testing

@testable import LabelCore

@Suite("Assets: CSV")
struct CSVAssetsTests {
    @Test("CSV rows become tasks: quoted commas, embedded line breaks and doubled quotes kept, other columns as metadata")
    func csvRows() throws {
        let file = try readAssets(#"""
            externalId,text,lang
            r-1,"Great, really great",en
            r-2,"Line one
            line two",en
            r-3,"He said ""wow""",de
            """#, file: "reviews.csv")
        #expect(file.kind == .csv)
        #expect(file.tasks == [
            NewTask(externalId: "r-1", asset: "Great, really great", metadata: ["lang": "en"]),
            NewTask(externalId: "r-2", asset: "Line one\nline two", metadata: ["lang": "en"]),
            NewTask(externalId: "r-3", asset: #"He said "wow""#, metadata: ["lang": "de"]),
        ])
        #expect(file.counts == ["assets": 3])
    }

    @Test("--text-column names the column to label; rows without an id are named by file and line")
    func textColumnOption() throws {
        let file = try readAssets("id,body,stars\r\n1,\"Nice, 日本\",5\r\n2,Bad,1\r\n", file: "shop.csv", textColumn: "body")
        #expect(file.tasks == [
            NewTask(externalId: "shop-2", asset: "Nice, 日本", metadata: ["id": "1", "stars": "5"]),
            NewTask(externalId: "shop-3", asset: "Bad", metadata: ["id": "2", "stars": "1"]),
        ])
    }

    @Test("--id-column names the column that names each task")
    func idColumnOption() throws {
        let file = try readAssets("id,body\n7,x\n", file: "shop.csv", textColumn: "body", idColumn: "id")
        #expect(file.tasks == [NewTask(externalId: "7", asset: "x", metadata: [:])])
    }

    @Test("a TSV file is split on tabs")
    func tsvFile() throws {
        let file = try readAssets("text\tlang\nA, b\ten\n", file: "x.tsv")
        #expect(file.tasks == [NewTask(externalId: "x-2", asset: "A, b", metadata: ["lang": "en"])])
    }

    @Test("an unterminated quote is reported where the quote opens")
    func unterminatedQuote() {
        #expect(assetsError("text,lang\n\"fine\",en\nx,\"never closed\nmore\n", file: "data.csv")
            == #"data.csv:3:3: error: a quoted field is never closed (missing '"')"#)
    }

    @Test("a row with the wrong number of fields is reported at its line")
    func wrongFieldCount() {
        #expect(assetsError("text,lang\n\"a\nb\",en\nc,en,extra\n", file: "data.csv") == """
            data.csv:4:1: error: the row has 3 fields but the header has 2
                quote fields that contain the delimiter
            """)
    }

    @Test("a missing text column is refused, listing the columns")
    func missingTextColumn() {
        #expect(assetsError("id,body\n1,x\n", file: "data.csv") == """
            data.csv:1:1: error: which column holds the text to label?
                name it with --text-column; the columns are: "id", "body"
            """)
    }

    @Test("a --text-column that is not in the header is refused, listing the columns")
    func unknownTextColumn() {
        #expect(assetsError("id,body\n1,x\n", file: "data.csv", textColumn: "content") == """
            data.csv:1:1: error: no column named "content"
                name it with --text-column; the columns are: "id", "body"
            """)
    }

    @Test("a quote inside an unquoted field is refused where it is")
    func quoteInsideField() {
        #expect(assetsError("text\nab\"c\n", file: "data.csv")
            == #"data.csv:2:3: error: a quote inside an unquoted field; quote the whole field and double the quote ("")"#)
    }

    @Test("text after a closing quote is refused")
    func textAfterClosingQuote() {
        #expect(assetsError("text\n\"ab\"c\n", file: "data.csv")
            == "data.csv:2:5: error: text after a closing quote; a quoted field must end at the quote")
    }

    @Test("a header without rows is refused")
    func headerOnly() {
        #expect(assetsError("text,lang\n", file: "data.csv") == "data.csv: error: the CSV file has a header but no rows")
    }

    @Test("CSVReader keeps the line each record starts on")
    func recordLines() throws {
        let table = try CSVReader.read(Array("a,b\n\"1\n2\",3\n4,5".utf8))
        #expect(table.header == ["a", "b"])
        #expect(table.records == [CSVReader.Record(line: 2, fields: ["1\n2", "3"]), CSVReader.Record(line: 4, fields: ["4", "5"])])
    }
}
