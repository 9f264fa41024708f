import Testing

/// Everything under `Timing/`; `swift test --filter TimingTests` runs these suites.
@Suite struct TimingTests {}
