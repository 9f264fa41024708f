import Foundation

/// A moment in UTC, in milliseconds since 1970, written as Ango writes times:
/// ISO 8601 with milliseconds and a `Z` (`2023-08-23T11:36:38.027Z`).
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }
    public init(_ date: Date) { millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    public static func now() -> Timestamp { Timestamp(Date()) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millisecondsSince1970 < b.millisecondsSince1970 }

    public var iso8601: String {
        let (year, month, day, rest) = civil
        func pad(_ v: Int64, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3_600_000, 2)):\(pad(rest / 60_000 % 60, 2)):"
            + "\(pad(rest / 1000 % 60, 2)).\(pad(rest % 1000, 3))Z"
    }

    /// The day in UTC (proleptic Gregorian) and the milliseconds into it: what `iso8601` writes.
    var civil: (year: Int64, month: Int64, day: Int64, millisecond: Int64) {
        let ms = millisecondsSince1970
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let rest = ms - days * 86_400_000
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, rest)
    }

    public var description: String { iso8601 }

    /// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM`, or without a zone (UTC).
    /// Nil for text that is no such time, or a moment outside the years 0000–9999 in UTC.
    public init?(iso8601 text: String) {
        let chars = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int64? {
            guard i + digits <= chars.count else { return nil }
            var v: Int64 = 0
            for k in 0..<digits {
                let c = chars[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            i += digits
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < chars.count, chars[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var h: Int64 = 0, m: Int64 = 0, s: Int64 = 0, ms: Int64 = 0, offset: Int64 = 0
        if i < chars.count, chars[i] == UInt8(ascii: "T") || chars[i] == UInt8(ascii: " ") {
            i += 1
            guard let hh = number(2), expect(":"), let mm = number(2), hh < 24, mm < 60 else { return nil }
            h = hh
            m = mm
            if expect(":") {
                guard let ss = number(2), ss < 61 else { return nil }
                s = ss
                if expect(".") {
                    var scale: Int64 = 100
                    while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                        ms += Int64(chars[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                }
            }
            if expect("Z") {
            } else if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
                let sign: Int64 = chars[i] == UInt8(ascii: "+") ? 1 : -1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(":")
                let om = number(2) ?? 0
                offset = sign * (oh * 60 + om) * 60_000
            }
        }
        guard i == chars.count else { return nil }
        // Civil-to-days, the inverse of the above.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let moment = days * 86_400_000 + h * 3_600_000 + m * 60_000 + s * 1000 + ms - offset
        // A zone offset can carry a date at either end out of the years `iso8601` writes
        // (`0000-01-01T00:00+01:00` is in year -1), and a time written must read back.
        guard Self.writable.contains(moment) else { return nil }
        millisecondsSince1970 = moment
    }

    /// The moments `iso8601` writes as it reads them: years 0000 to 9999, UTC.
    static let writable: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999
}
