/// The stage an Ango export's task was exported from, as one of termlabel's stages. Ango's
/// first Start, Label and Complete stages have those names as ids; other stages are named by
/// the project ("Review Stage 2", "Label QA"), so a name is read by the kind of stage it names.
public enum AngoStage {
    public static func stage(name: String?, id: String?) -> Stage {
        for text in [id, name].compactMap({ $0 }) {
            if let exact = Stage(named: text) { return exact == .start ? .label : exact }
        }
        let lower = (name ?? "").lowercased()
        if lower.contains("complete") { return .complete }
        if lower.contains("review") { return .review }
        return .label
    }
}
