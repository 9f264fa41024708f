/// What the person reading a file told termlabel about it.
public struct ReadOptions: Equatable, Sendable {
    /// The format to read it as (a registry name), instead of detecting it.
    public var format: String?
    /// CSV: the column holding the text; Label Studio: the `data` field holding it.
    public var textColumn: String?
    /// CSV: the column holding each row's externalId.
    public var idColumn: String?
    /// The ontology other tools' labels are matched to; without one, a question is built from
    /// the labels seen.
    public var ontology: Ontology?

    public init(format: String? = nil, textColumn: String? = nil, idColumn: String? = nil, ontology: Ontology? = nil) {
        self.format = format
        self.textColumn = textColumn
        self.idColumn = idColumn
        self.ontology = ontology
    }
}
