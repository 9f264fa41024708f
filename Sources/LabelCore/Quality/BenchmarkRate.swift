/// When the queue serves a gold task: a pure rule, the same in every store.
public enum BenchmarkRate {
    /// The next task for an annotator is gold when, counting it, their gold submits would be at
    /// most `rate` percent of all their Label submits: (gold + 1) × 100 ≤ rate × (gold + work + 1).
    /// At 10 % an annotator working alone gets gold as their 10th, 20th, 30th … task.
    public static func servesGold(rate: Int, goldSubmits: Int, workSubmits: Int) -> Bool {
        rate > 0 && (goldSubmits + 1) * 100 <= rate * (goldSubmits + workSubmits + 1)
    }
}
