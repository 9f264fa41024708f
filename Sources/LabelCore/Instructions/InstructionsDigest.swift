/// A short fingerprint of a project's instructions, kept per user once they have seen them, so a
/// changed text shows again. FNV-1a over the UTF-8 bytes: the same on every machine and run
/// (Swift's `Hasher` is seeded per process).
public enum InstructionsDigest {
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
