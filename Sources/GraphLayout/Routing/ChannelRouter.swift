/// Chooses the vertical tracks in the channel between two adjacent columns
/// (graph-layout.md, step 5).
///
/// Every edge runs right from its source's row to a vertical track, along the
/// track to its target's row, then right to the arrowhead. A source with
/// several targets owns one track (fan-out shares it); a source with a single
/// target joins that target's track, so several callers of one node merge
/// into one line (fan-in: `┐ ┤ ┼ ┘`). An edge whose track would have no
/// vertical part is drawn straight and takes no track.
///
/// Tracks are ordered left to right so that no horizontal run shares cells
/// with another edge's run (a row where one track is entered must not be left
/// by an earlier track), and otherwise so that few runs cross other tracks.
/// They are then packed: a track takes the first position to the right of
/// every earlier track its rows overlap, so tracks whose rows are disjoint
/// share a position (interval graph colouring).
///
/// The one case this cannot draw cleanly is two edges swapping rows (a→row 1,
/// b at row 1→row 0): with rows aligned across columns one of their runs must
/// overlap the other's. That is a crossing, which the column ordering removes
/// whenever it can; a property test checks crossing-free layouts never merge
/// runs of unrelated edges.
enum ChannelRouter {
    struct Segment: Sendable {
        var source: Int
        var sourceRow: Int
        var target: Int
        var targetRow: Int
    }

    struct Plan: Sendable {
        /// Positions used, i.e. the channel's track area width.
        var trackCount: Int
        /// Track position of each segment, nil for a straight segment.
        var trackOfSegment: [Int?]
    }

    private enum Key: Hashable {
        case source(Int)
        case target(Int)
    }

    private struct Track {
        var entries: Set<Int> = []
        var exits: Set<Int> = []
        var low = Int.max
        var high = Int.min

        var isStraight: Bool { entries.count == 1 && exits == entries }

        func contains(_ row: Int) -> Bool { entries.contains(row) || exits.contains(row) }

        func overlaps(_ other: Track) -> Bool { low <= other.high && other.low <= high }

        /// Crossings caused if `self` is left of `other`: our exits run right
        /// through `other`'s vertical, `other`'s entries run through ours.
        func crossingsIfLeft(of other: Track) -> Int {
            var count = 0
            for row in exits where other.low < row && row < other.high && !other.contains(row) { count += 1 }
            for row in other.entries where low < row && row < high && !contains(row) { count += 1 }
            return count
        }
    }

    static func plan(_ segments: [Segment]) -> Plan {
        var outDegree: [Int: Int] = [:]
        for segment in segments { outDegree[segment.source, default: 0] += 1 }

        var keyIndex: [Key: Int] = [:]
        var tracks: [Track] = []
        var trackOf = [Int](repeating: 0, count: segments.count)
        let visitOrder = segments.indices.sorted {
            (segments[$0].sourceRow, segments[$0].targetRow) < (segments[$1].sourceRow, segments[$1].targetRow)
        }
        for i in visitOrder {
            let s = segments[i]
            let key: Key = outDegree[s.source] == 1 ? .target(s.target) : .source(s.source)
            let index: Int
            if let known = keyIndex[key] {
                index = known
            } else {
                index = tracks.count
                keyIndex[key] = index
                tracks.append(Track())
            }
            trackOf[i] = index
            tracks[index].entries.insert(s.sourceRow)
            tracks[index].exits.insert(s.targetRow)
            tracks[index].low = min(tracks[index].low, s.sourceRow, s.targetRow)
            tracks[index].high = max(tracks[index].high, s.sourceRow, s.targetRow)
        }

        let bent = tracks.indices.filter { !tracks[$0].isStraight }
        let position = place(bent, of: tracks)
        let used = (position.values.max() ?? -1) + 1
        return Plan(trackCount: used, trackOfSegment: trackOf.map { position[$0] })
    }

    /// Track index → position, for the tracks that bend.
    private static func place(_ bent: [Int], of tracks: [Track]) -> [Int: Int] {
        guard !bent.isEmpty else { return [:] }
        // Must-be-left-of constraints: the track entered at a row precedes the
        // other tracks leaving at that row, or their runs would overlap.
        var enteredAt: [Int: Int] = [:]
        for t in bent { for row in tracks[t].entries { enteredAt[row] = t } }
        var mustPrecede: [Int: Set<Int>] = [:]
        var waitingFor: [Int: Int] = [:]
        for t in bent {
            for row in tracks[t].exits {
                if let entering = enteredAt[row], entering != t, mustPrecede[entering, default: []].insert(t).inserted {
                    waitingFor[t, default: 0] += 1
                }
            }
        }

        // score(t) = Σ over the other remaining tracks of (crossings if t is left) − (crossings if right).
        // The pairwise terms are computed once and each score kept up to date as tracks are placed:
        // recomputing scores inside every comparison was cubic in the tracks (minutes for the account
        // overview of a 100-account organization, trustmap-bench). Same scores, so the same order.
        var score: [Int: Int] = [:]
        var pairTerms: [Int: [(other: Int, term: Int)]] = [:]
        for (i, a) in bent.enumerated() {
            for b in bent[(i + 1)...] where tracks[a].overlaps(tracks[b]) {
                let term = tracks[a].crossingsIfLeft(of: tracks[b]) - tracks[b].crossingsIfLeft(of: tracks[a])
                guard term != 0 else { continue }
                score[a, default: 0] += term
                score[b, default: 0] -= term
                pairTerms[a, default: []].append((b, term))
                pairTerms[b, default: []].append((a, -term))
            }
        }

        var remaining = Set(bent)
        var order: [Int] = []
        while !remaining.isEmpty {
            var candidates = remaining.filter { waitingFor[$0, default: 0] == 0 }
            if candidates.isEmpty {
                // A cycle of constraints (rows swapped both ways): give up one.
                candidates = [remaining.min { (tracks[$0].low, tracks[$0].high, $0) < (tracks[$1].low, tracks[$1].high, $1) }!]
            }
            let choice = candidates.min { a, b in
                (score[a, default: 0], tracks[a].low, tracks[a].high, a) < (score[b, default: 0], tracks[b].low, tracks[b].high, b)
            }!
            order.append(choice)
            remaining.remove(choice)
            // The placed track no longer counts in the others' scores.
            for (other, term) in pairTerms[choice, default: []] where remaining.contains(other) {
                score[other, default: 0] += term
            }
            for next in mustPrecede[choice, default: []] where remaining.contains(next) {
                waitingFor[next, default: 0] -= 1
            }
        }

        var position: [Int: Int] = [:]
        for (i, t) in order.enumerated() {
            var x = 0
            for earlier in order[..<i] where tracks[earlier].overlaps(tracks[t]) {
                x = max(x, position[earlier]! + 1)
            }
            position[t] = x
        }
        return position
    }
}
