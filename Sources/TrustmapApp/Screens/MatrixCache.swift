import Synchronization
import TrustAnalysis

/// Holds the matrix model once computed, shared by the copies of one `MatrixScreen`.
///
/// Why a box and not a plain stored property: pressing `m` only switches the main view, so the first
/// thing the screen sees is `draw`, which cannot mutate the state; without somewhere to keep the model,
/// every frame would recompute the matrix (O(edges)). The model depends only on the analysis, which
/// never changes during a session, so sharing it between copies of the state is safe; a different
/// analysis (noticed by its fingerprint) replaces it.
final class MatrixCache: Sendable {
    private let slot = Mutex<MatrixModel?>(nil)
    /// How many times a model was built: lets tests check that frames reuse it.
    private let builds = Mutex(0)

    init() {}

    func model(for analysis: Analysis) -> MatrixModel {
        let fingerprint = MatrixModel.Fingerprint(analysis)
        if let m = slot.withLock({ $0 }), m.fingerprint == fingerprint { return m }
        let built = MatrixModel(analysis: analysis)
        slot.withLock { $0 = built }
        builds.withLock { $0 += 1 }
        return built
    }

    var buildCount: Int { builds.withLock { $0 } }
}
