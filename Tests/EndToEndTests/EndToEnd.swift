import Testing

/// Every end-to-end suite nests in this one, so they run one at a time: each drives a real
/// terminal and some measure wall time, which a neighbour competing for two cores would skew.
@Suite(.serialized) enum EndToEnd {}
