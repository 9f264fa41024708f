/// What a terminal answered to the graphics query (`GraphicsQuery.request`): kitty's graphics
/// query (`ESC _ G … ESC \`), then Primary Device Attributes (`ESC [ c`), which every terminal
/// answers, last. Pure: the bytes read in, the protocol out, and the bytes that were no part of
/// an answer (keys typed meanwhile) kept for the key reader.
public struct GraphicsQueryAnswer: Equatable, Sendable {
    /// The image id in the kitty query, which its reply repeats.
    public static let kittyQueryID = 31
    /// kitty's graphics query (a 1 x 1 RGB picture sent directly, `a=q`: checked, never stored or
    /// shown), then DA1. A terminal without kitty graphics ignores the first; the DA1 answer says
    /// the reading is over.
    public static let request: [UInt8] =
        Array("\u{1B}_Gi=\(kittyQueryID),s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[c".utf8)

    /// kitty's graphics reply said OK.
    public var kitty = false
    /// The DA1 answer's parameters (`ESC [ ? 62 ; 4 c`: 62 and 4); nil when none came.
    public var deviceAttributes: [Int]?
    /// The bytes that were no part of an answer, in order.
    public var rest: [UInt8] = []

    public init(kitty: Bool = false, deviceAttributes: [Int]? = nil, rest: [UInt8] = []) {
        self.kitty = kitty
        self.deviceAttributes = deviceAttributes
        self.rest = rest
    }

    /// Whether the reading may stop: DA1 is answered last.
    public var isComplete: Bool { deviceAttributes != nil }

    /// Sixel: attribute 4 in DA1, after the first parameter (the device class: 62, 63, 64, 65, …).
    public var sixel: Bool { deviceAttributes.map { $0.dropFirst().contains(4) } ?? false }

    /// The protocol the answer shows, kitty's first; nil when it shows neither.
    public var imageProtocol: ImageProtocol? { kitty ? .kitty : sixel ? .sixel : nil }

    /// Reads `bytes` as the terminal sent them. An answer cut off at the end (the time ran out in
    /// its middle) is dropped, not kept as keys.
    public init(parsing bytes: [UInt8]) {
        let escape: UInt8 = 0x1B
        var index = 0
        while index < bytes.count {
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            let third = index + 2 < bytes.count ? bytes[index + 2] : nil
            guard bytes[index] == escape, next != nil else {
                // A lone ESC at the very end may start an answer cut short: dropped.
                if bytes[index] != escape { rest.append(bytes[index]) }
                index += 1
                continue
            }
            if next == UInt8(ascii: "[") || next == UInt8(ascii: "_") {
                guard let third else { return }
                if next == UInt8(ascii: "["), third == UInt8(ascii: "?") {
                    // DA1: ESC [ ? digits and semicolons, then c.
                    var end = index + 3
                    while end < bytes.count, bytes[end] == UInt8(ascii: ";") || (0x30...0x39).contains(bytes[end]) { end += 1 }
                    if end == bytes.count { return }
                    if bytes[end] == UInt8(ascii: "c") {
                        deviceAttributes = String(decoding: bytes[(index + 3)..<end], as: UTF8.self)
                            .split(separator: ";").compactMap { Int($0) }
                        index = end + 1
                        continue
                    }
                } else if next == UInt8(ascii: "_"), third == UInt8(ascii: "G") {
                    // kitty's reply: ESC _ G keys ; message ESC \ .
                    var end = index + 3
                    while end + 1 < bytes.count, !(bytes[end] == escape && bytes[end + 1] == UInt8(ascii: "\\")) { end += 1 }
                    if end + 1 >= bytes.count { return }
                    let body = String(decoding: bytes[(index + 3)..<end], as: UTF8.self)
                    let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
                    if parts.count == 2, parts[0].split(separator: ",").contains("i=\(Self.kittyQueryID)"), parts[1] == "OK" {
                        kitty = true
                    }
                    index = end + 2
                    continue
                }
            }
            // Any other escape sequence is a key typed meanwhile (an arrow, …): kept.
            rest.append(bytes[index])
            index += 1
        }
    }
}
