import Dispatch
import PolicyEngine

/// Reads the items of one list of a file (a native inventory's roles or users) on every core.
///
/// Reading an item depends on that item alone; what it reports goes to a context and a scratch fragment
/// of its own, handed back per item, so the caller takes them in list order and gets exactly what one
/// pass in order gives: the same drafts, diagnostics in the same order, the same unresolved policies.
/// A 1,000-account inventory has 50,000 roles: read on one core this was most of its load time.
enum ListReader {
    /// What reading one item gave.
    struct Item<Draft: Sendable>: Sendable {
        var draft: Draft?
        var diagnostics: [ReadContext.Pending]
        var referencedAccounts: Set<String>
        var unresolvedPolicies: [UnresolvedPolicy]
    }

    /// Below this many items one thread reads them all (starting threads costs more than it saves).
    static let threadedMinimum = 512

    static func read<Draft: Sendable>(
        _ items: [JSONValue], key: String, like fragment: InventoryFragment, ctx: ReadContext,
        _ readOne: @escaping @Sendable (JSONValue, [JSONPathComponent], inout InventoryFragment, ReadContext) -> Draft?
    ) -> [Item<Draft>] {
        let file = ctx.file, kind = fragment.kind, status = fragment.status
        // The document is only read (its syntax decides some messages); positions are found later, on this thread.
        let document = UncheckedSendable(ctx.document)
        let read: @Sendable (Range<Int>) -> [Item<Draft>] = { range in
            let part = ReadContext(file: file, document: document.value)
            var out: [Item<Draft>] = []
            out.reserveCapacity(range.count)
            for i in range {
                var scratch = InventoryFragment(file: file, kind: kind, status: status)
                let draft = readOne(items[i], [.key(key), .index(i)], &scratch, part)
                assert(scratch.accounts.isEmpty && scratch.roles.isEmpty && scratch.users.isEmpty && scratch.managedPolicyDocuments.isEmpty,
                       "a list item may only add referenced accounts and unresolved policies to its fragment")
                out.append(Item(draft: draft, diagnostics: part.takePending(), referencedAccounts: scratch.referencedAccounts,
                                unresolvedPolicies: scratch.unresolvedPolicies))
            }
            return out
        }
        guard items.count >= threadedMinimum else { return read(0..<items.count) }
        let parts = 2
        let results = PartResults<[Item<Draft>]>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lower = items.count * p / parts, upper = items.count * (p + 1) / parts
            results.set(p, read(lower..<upper))
        }
        return results.values().flatMap { $0 }
    }
}

/// A value handed to other threads that only read it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Slots that parallel workers fill, one each; read after all have finished.
private final class PartResults<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
    func values() -> [T] { storage.map { $0! } }
}
