/// The red, green and blue of xterm's 256 colours (the 16 named ones as xterm shows them).
public enum XtermPalette {
    private static let named: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    public static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case ..<16: return named[max(0, index)]
        case 16..<232:
            let n = index - 16
            let level = { (v: Int) in v == 0 ? 0 : 55 + v * 40 }
            return (level(n / 36), level(n / 6 % 6), level(n % 6))
        default:
            let gray = 8 + (min(index, 255) - 232) * 10
            return (gray, gray, gray)
        }
    }
}
