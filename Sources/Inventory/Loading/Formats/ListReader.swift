import PolicyEngine

/// Reads the items of one list of a file (a native inventory's roles or users) on every core.
///
/// Reading an item depends on that item alone; what it reports goes to a context of its own part and is
/// handed back by item, so the caller takes it in list order and gets exactly what one pass in order
/// gives: the same drafts, diagnostics in the same order, the same unresolved policies.
/// A 1,000-account inventory has 50,000 roles: read on one core this was most of its load time.
///
/// The drafts are written straight into one array, in place (a role is large: every copy of one is
/// some twenty reference counts), and handed over without being copied again.
enum ListReader {
    /// What reading the list gave.
    struct Outcome<Draft: Sendable>: Sendable {
        /// One per item, in list order; `placeholder` where the item could not be read (`failed`).
        var drafts: [Draft]
        var failed: [Bool]
        /// Each draft's identity (its ARN), "" where the item failed: taken while the draft was at hand.
        var ids: [String]
        /// The diagnostics of the items that reported any, in list order.
        var diagnostics: [(item: Int, pending: [ReadContext.Pending])]
        var referencedAccounts: Set<String>
        /// In list order.
        var unresolvedPolicies: [UnresolvedPolicy]
    }

    /// Below this many items one thread reads them all (starting threads costs more than it saves).
    static let threadedMinimum = 512

    static func read<Draft: Sendable>(
        _ items: [JSONValue], key: String, placeholder: Draft, like fragment: InventoryFragment, ctx: ReadContext,
        id: @escaping @Sendable (borrowing Draft) -> String,
        _ readOne: @escaping @Sendable (JSONValue, [JSONPathComponent], inout InventoryFragment, ReadContext) -> Draft?
    ) -> Outcome<Draft> {
        let file = ctx.file, kind = fragment.kind, status = fragment.status
        // The document is only read (its syntax decides some messages); positions are found later, on this thread.
        let document = Parallel.Shared(ctx.document)
        let count = items.count
        let (drafts, parts) = Parallel.build(count: count, parts: count >= threadedMinimum ? 2 : 1) { (range, out: UnsafeMutablePointer<Draft>) -> Part in
            let context = ReadContext(file: file, document: document.value)
            var scratch = InventoryFragment(file: file, kind: kind, status: status)
            var part = Part()
            part.failed.reserveCapacity(range.count)
            part.ids.reserveCapacity(range.count)
            for i in range {
                let draft = readOne(items[i], [.key(key), .index(i)], &scratch, context)
                assert(scratch.accounts.isEmpty && scratch.roles.isEmpty && scratch.users.isEmpty && scratch.managedPolicyDocuments.isEmpty,
                       "a list item may only add referenced accounts and unresolved policies to its fragment")
                if let draft {
                    part.ids.append(id(draft))
                    part.failed.append(false)
                    (out + i).initialize(to: draft)
                } else {
                    part.ids.append("")
                    part.failed.append(true)
                    (out + i).initialize(to: placeholder)
                }
                let pending = context.takePending()
                if !pending.isEmpty { part.diagnostics.append((i, pending)) }
            }
            part.referencedAccounts = scratch.referencedAccounts
            part.unresolvedPolicies = scratch.unresolvedPolicies
            return part
        }
        var outcome = Outcome(drafts: drafts, failed: [], ids: [], diagnostics: [], referencedAccounts: [], unresolvedPolicies: [])
        outcome.failed.reserveCapacity(count)
        outcome.ids.reserveCapacity(count)
        for part in parts {
            outcome.failed += part.failed
            outcome.ids += part.ids
            outcome.diagnostics += part.diagnostics
            outcome.referencedAccounts.formUnion(part.referencedAccounts)
            outcome.unresolvedPolicies += part.unresolvedPolicies
        }
        return outcome
    }

    private struct Part {
        var failed: [Bool] = []
        var ids: [String] = []
        var diagnostics: [(item: Int, pending: [ReadContext.Pending])] = []
        var referencedAccounts: Set<String> = []
        var unresolvedPolicies: [UnresolvedPolicy] = []
    }
}
