/// A JSON syntax error with the byte offset where the parser stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var position: SourcePosition
    public var message: String
}

/// How `JSONParser.parse(_:options:)` may take shortcuts; the defaults take none.
public struct JSONParseOptions: Sendable {
    /// Parse the elements of a large list on two threads (the second half speculatively, from a place
    /// that looks like an element boundary, kept only when the first half proves it is one). The value,
    /// and any error with its offset, are exactly those of a parse on one thread.
    public var parallel: Bool
    /// In every object holding a `PolicyVersionList` list (authorization-details `Policies`), keep the
    /// `Document` of the one version a reader takes (the first whose `IsDefaultVersion` is true or whose
    /// `VersionId` is the object's `DefaultVersionId`, and that has a `Document`) and leave the others out.
    /// The others are still checked to be valid JSON, with the same errors at the same places.
    public var onlyDefaultPolicyVersionDocuments: Bool
    /// Lists whose rest of the document is shorter than this are never split.
    public var minimumSplitBytes: Int

    public init(parallel: Bool = false, onlyDefaultPolicyVersionDocuments: Bool = false, minimumSplitBytes: Int = 1 << 21) {
        self.parallel = parallel
        self.onlyDefaultPolicyVersionDocuments = onlyDefaultPolicyVersionDocuments
        self.minimumSplitBytes = minimumSplitBytes
    }
}
