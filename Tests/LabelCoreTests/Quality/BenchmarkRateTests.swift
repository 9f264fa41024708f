import Testing

@testable import LabelCore

@Suite("Benchmark rate")
struct BenchmarkRateTests {
    /// (gold + 1) × 100 ≤ rate × (gold + work + 1), worked by hand:
    /// 10 %: 9 work, 0 gold → 100 ≤ 100 yes; 8 work → 100 ≤ 90 no; 18 work, 1 gold → 200 ≤ 200 yes.
    /// 50 %: 1 work → 100 ≤ 100 yes; 1 work, 1 gold → 200 ≤ 150 no. 0 % never; 100 % always.
    @Test("the next task is gold when, counting it, the gold share stays within the rate")
    func rule() {
        #expect(BenchmarkRate.servesGold(rate: 10, goldSubmits: 0, workSubmits: 9))
        #expect(!BenchmarkRate.servesGold(rate: 10, goldSubmits: 0, workSubmits: 8))
        #expect(BenchmarkRate.servesGold(rate: 10, goldSubmits: 1, workSubmits: 18))
        #expect(!BenchmarkRate.servesGold(rate: 10, goldSubmits: 1, workSubmits: 17))
        #expect(BenchmarkRate.servesGold(rate: 50, goldSubmits: 0, workSubmits: 1))
        #expect(!BenchmarkRate.servesGold(rate: 50, goldSubmits: 1, workSubmits: 1))
        #expect(!BenchmarkRate.servesGold(rate: 0, goldSubmits: 0, workSubmits: 1_000))
        #expect(BenchmarkRate.servesGold(rate: 100, goldSubmits: 7, workSubmits: 0))
    }
}
