import Dispatch
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
        let document = UncheckedSendable(ctx.document)
        let count = items.count
        let failures = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        failures.initialize(repeating: false)
        let ids = UnsafeMutableBufferPointer<String>.allocate(capacity: count)
        ids.initialize(repeating: "")
        defer {
            failures.deallocate()
            ids.deinitialize().deallocate()
        }
        let parts = count >= threadedMinimum ? 2 : 1
        let results = PartResults<Part>(count: parts)
        let drafts = [Draft](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = UncheckedSendable(buffer)
            let failures = UncheckedSendable(failures)
            let identities = UncheckedSendable(ids)
            let read: @Sendable (Int) -> Void = { p in
                let lower = count * p / parts, upper = count * (p + 1) / parts
                let context = ReadContext(file: file, document: document.value)
                var scratch = InventoryFragment(file: file, kind: kind, status: status)
                var part = Part()
                for i in lower..<upper {
                    let draft = readOne(items[i], [.key(key), .index(i)], &scratch, context)
                    assert(scratch.accounts.isEmpty && scratch.roles.isEmpty && scratch.users.isEmpty && scratch.managedPolicyDocuments.isEmpty,
                           "a list item may only add referenced accounts and unresolved policies to its fragment")
                    if let draft {
                        identities.value[i] = id(draft)
                        (out.value.baseAddress! + i).initialize(to: draft)
                    } else {
                        (out.value.baseAddress! + i).initialize(to: placeholder)
                        failures.value[i] = true
                    }
                    let pending = context.takePending()
                    if !pending.isEmpty { part.diagnostics.append((i, pending)) }
                }
                part.referencedAccounts = scratch.referencedAccounts
                part.unresolvedPolicies = scratch.unresolvedPolicies
                results.set(p, part)
            }
            if parts == 1 {
                read(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: parts, execute: read)
            }
            initialized = count
        }
        var outcome = Outcome(drafts: drafts, failed: Array(failures), ids: Array(ids), diagnostics: [], referencedAccounts: [], unresolvedPolicies: [])
        for part in results.values() {
            outcome.diagnostics += part.diagnostics
            outcome.referencedAccounts.formUnion(part.referencedAccounts)
            outcome.unresolvedPolicies += part.unresolvedPolicies
        }
        return outcome
    }

    private struct Part {
        var diagnostics: [(item: Int, pending: [ReadContext.Pending])] = []
        var referencedAccounts: Set<String> = []
        var unresolvedPolicies: [UnresolvedPolicy] = []
    }
}

/// A value handed to other threads that only read it (or write disjoint parts of it).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Slots that parallel workers fill, one each; read after all have finished.
final class PartResults<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
    func values() -> [T] { storage.map { $0! } }
}
