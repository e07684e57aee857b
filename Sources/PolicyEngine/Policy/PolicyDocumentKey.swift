/// A policy document as a dictionary key, so that work that depends on the document only (compiling it,
/// judging it) is done once per distinct document: inventories repeat a few hundred documents over tens
/// of thousands of principals. Hashed by the raw JSON alone (every parsed field follows from it), compared
/// in full.
package struct PolicyDocumentKey: Hashable, Sendable {
    package let document: PolicyDocument

    package init(_ document: PolicyDocument) { self.document = document }

    package static func == (a: PolicyDocumentKey, b: PolicyDocumentKey) -> Bool { a.document == b.document }

    package func hash(into hasher: inout Hasher) { hasher.combine(document.raw) }
}
