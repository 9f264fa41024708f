import CChafa

/// Turns pixels into what a terminal shows, with libchafa: symbols in colour (cells for our
/// `Screen`), or the escape sequence of a graphics protocol (sixel, kitty, iTerm2).
public enum ChafaRenderer {
    /// A cell is about twice as tall as it is wide.
    public static let fontRatio: Float = 0.5

    /// The size in cells, at most `bounds`, that shows a `width` x `height` picture with its
    /// aspect kept (small pictures are enlarged to fill it).
    public static func fit(width: Int, height: Int, in bounds: Size, fontRatio: Float = fontRatio) -> Size {
        guard width > 0, height > 0, bounds.width > 0, bounds.height > 0 else { return Size(width: 0, height: 0) }
        var columns = Int32(bounds.width), rows = Int32(bounds.height)
        chafa_calc_canvas_geometry(Int32(width), Int32(height), &columns, &rows, fontRatio, 1, 0)
        return Size(width: max(1, min(bounds.width, Int(columns))), height: max(1, min(bounds.height, Int(rows))))
    }

    /// The picture as `size.width` x `size.height` cells of block symbols.
    public static func symbols(_ image: DecodedImage, size: Size, colors: SymbolColors) -> SymbolPicture {
        guard size.width > 0, size.height > 0 else { return SymbolPicture(width: 0, height: 0, cells: []) }
        let mode: ChafaCanvasMode = switch colors {
        case .palette240: CHAFA_CANVAS_MODE_INDEXED_240
        case .sixteen: CHAFA_CANVAS_MODE_INDEXED_16
        case .eight: CHAFA_CANVAS_MODE_INDEXED_8
        case .none: CHAFA_CANVAS_MODE_FGBG
        }
        guard let canvas = makeCanvas(image, size: size, mode: mode, pixelMode: CHAFA_PIXEL_MODE_SYMBOLS, cellPixels: nil) else {
            return SymbolPicture(width: 0, height: 0, cells: [])
        }
        defer { chafa_canvas_unref(canvas) }
        var cells: [Cell] = []
        cells.reserveCapacity(size.width * size.height)
        for y in 0..<Int32(size.height) {
            for x in 0..<Int32(size.width) {
                let scalar = Unicode.Scalar(chafa_canvas_get_char_at(canvas, x, y)) ?? " "
                var foreground: Int32 = -1, background: Int32 = -1
                chafa_canvas_get_raw_colors_at(canvas, x, y, &foreground, &background)
                let style = colors == .none ? Style.plain : Style(foreground: color(foreground), background: color(background))
                cells.append(Cell(character: String(scalar), width: 1, style: style))
            }
        }
        return SymbolPicture(width: size.width, height: size.height, cells: cells)
    }

    /// The escape sequence that draws the picture over `size` cells in `kind` (`.sixel`, `.kitty`
    /// or `.iterm`); `cellPixels` is a cell's size in pixels (10 x 20 when the terminal does not say).
    public static func sequence(_ image: DecodedImage, size: Size, kind: ImageProtocol, cellPixels: Size?) -> [UInt8] {
        let pixelMode: ChafaPixelMode, environment: [String]
        switch kind {
        case .kitty: (pixelMode, environment) = (CHAFA_PIXEL_MODE_KITTY, ["TERM=xterm-kitty", "KITTY_WINDOW_ID=1"])
        case .iterm: (pixelMode, environment) = (CHAFA_PIXEL_MODE_ITERM2, ["TERM=xterm-256color", "TERM_PROGRAM=iTerm.app"])
        case .sixel: (pixelMode, environment) = (CHAFA_PIXEL_MODE_SIXELS, ["TERM=mlterm"])
        default: return []
        }
        guard size.width > 0, size.height > 0,
              let canvas = makeCanvas(image, size: size, mode: CHAFA_CANVAS_MODE_TRUECOLOR, pixelMode: pixelMode,
                                      cellPixels: cellPixels ?? Size(width: 10, height: 20)) else { return [] }
        defer { chafa_canvas_unref(canvas) }
        let info = termInfo(environment)
        defer { chafa_term_info_unref(info) }
        guard let printed = chafa_canvas_print(canvas, info) else { return [] }
        defer { cn_gstring_free(printed) }
        let length = cn_gstring_length(printed)
        return cn_gstring_bytes(printed).withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// `sequence` wrapped for tmux's passthrough (`allow-passthrough on`): tmux hands it to the
    /// terminal outside unchanged. Every ESC inside is doubled, as tmux asks.
    public static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var wrapped = Array("\u{1B}Ptmux;".utf8)
        wrapped.reserveCapacity(sequence.count + 16)
        for byte in sequence {
            if byte == 0x1B { wrapped.append(0x1B) }
            wrapped.append(byte)
        }
        return wrapped + Array("\u{1B}\\".utf8)
    }

    private static func makeCanvas(_ image: DecodedImage, size: Size, mode: ChafaCanvasMode, pixelMode: ChafaPixelMode,
                                   cellPixels: Size?) -> OpaquePointer? {
        guard image.width > 0, image.height > 0, let config = chafa_canvas_config_new() else { return nil }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(size.width), Int32(size.height))
        chafa_canvas_config_set_canvas_mode(config, mode)
        chafa_canvas_config_set_pixel_mode(config, pixelMode)
        if let cellPixels { chafa_canvas_config_set_cell_geometry(config, Int32(cellPixels.width), Int32(cellPixels.height)) }
        if pixelMode == CHAFA_PIXEL_MODE_SYMBOLS, let map = chafa_symbol_map_new() {
            // Blocks render in every font with box drawing; braille and sextants often do not.
            chafa_symbol_map_add_by_tags(map, ChafaSymbolTags(CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue))
            chafa_symbol_map_remove_by_tags(map, ChafaSymbolTags(CHAFA_SYMBOL_TAG_WIDE.rawValue | CHAFA_SYMBOL_TAG_AMBIGUOUS.rawValue))
            chafa_canvas_config_set_symbol_map(config, map)
            chafa_symbol_map_unref(map)
        }
        guard let canvas = chafa_canvas_new(config) else { return nil }
        image.rgba.withUnsafeBufferPointer {
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, $0.baseAddress, Int32(image.width),
                                         Int32(image.height), Int32(image.width * 4))
        }
        return canvas
    }

    /// chafa's own description of a terminal of that environment (its escape sequences).
    private static func termInfo(_ environment: [String]) -> OpaquePointer? {
        var strings = environment.map { strdup($0) } + [nil]
        defer { for s in strings { free(s) } }
        return strings.withUnsafeMutableBufferPointer { buffer in
            chafa_term_db_detect(chafa_term_db_get_default(), buffer.baseAddress)
        }
    }

    /// A raw palette index as a colour: 0-255 as they are, chafa's transparent, foreground and
    /// background marks (256-258) as the terminal's default.
    private static func color(_ raw: Int32) -> Color {
        switch raw {
        case 0..<16: Color.named[Int(raw)]
        case 16...255: .indexed(UInt8(raw))
        default: .default
        }
    }
}
