import TerminalUI

/// A 4-colour test pattern made here, not read from a file: red, green, blue and white
/// quadrants, `width` x `height` pixels.
enum TestPattern {
    static let red: [UInt8] = [255, 0, 0, 255], green: [UInt8] = [0, 255, 0, 255]
    static let blue: [UInt8] = [0, 0, 255, 255], white: [UInt8] = [255, 255, 255, 255]

    static func quadrants(width: Int = 64, height: Int = 32) -> DecodedImage {
        var rgba: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                rgba += y < height / 2 ? (x < width / 2 ? red : green) : (x < width / 2 ? blue : white)
            }
        }
        return DecodedImage(width: width, height: height, rgba: rgba, format: .raw)
    }
}
