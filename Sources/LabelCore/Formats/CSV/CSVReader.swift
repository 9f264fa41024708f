/// RFC 4180 CSV: a header row, quoted fields with `""` for a quote, line breaks inside quotes,
/// CRLF or LF. Written by hand because errors must name the line and column, which the CSV
/// packages available here do not report.
public struct CSVReader {
    public struct Record: Equatable, Sendable {
        /// The line the record starts on (the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public struct Table: Equatable, Sendable {
        public var header: [String]
        public var records: [Record]
    }

    public static func read(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws(JSONSyntaxError) -> Table {
        var rows: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var column = 1
        var recordLine = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var quoted = false
        var quoteStart = SourceLocation(line: 1, column: 1)
        var fieldWasQuoted = false

        func text(_ f: [UInt8]) throws(JSONSyntaxError) -> String {
            guard let s = String(validating: f, as: UTF8.self) else {
                throw JSONSyntaxError(location: SourceLocation(line: line, column: column), message: "the field is not valid UTF-8")
            }
            return s
        }
        func endRecord() throws(JSONSyntaxError) {
            fields.append(try text(field))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        column += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(b)
                    if b == 0x0A {
                        line += 1
                        column = 0
                    }
                }
            } else {
                switch b {
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw JSONSyntaxError(location: SourceLocation(line: line, column: column),
                                              message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                    quoted = true
                    fieldWasQuoted = true
                    quoteStart = SourceLocation(line: line, column: column)
                case delimiter:
                    fields.append(try text(field))
                    field.removeAll(keepingCapacity: true)
                    fieldWasQuoted = false
                case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                    break
                case 0x0A:
                    try endRecord()
                    line += 1
                    column = 0
                    recordLine = line
                default:
                    if fieldWasQuoted {
                        throw JSONSyntaxError(location: SourceLocation(line: line, column: column),
                                              message: "text after a closing quote; a quoted field must end at the quote")
                    }
                    field.append(b)
                }
            }
            if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        if quoted { throw JSONSyntaxError(location: quoteStart, message: "a quoted field is never closed (missing '\"')") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { try endRecord() }
        guard let header = rows.first else { return Table(header: [], records: []) }
        return Table(header: header.fields, records: Array(rows.dropFirst()))
    }
}
