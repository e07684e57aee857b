import Foundation
import TerminalUI

/// The run loop, over any backend: events in, `update`, effects run, `view`, present.
/// The ncurses terminal drives it for people; `TestBackend` drives it for tests and the benchmark.
public struct AppRunner {
    /// Runs effects (file writes) and reports their outcome as a message.
    public typealias EffectHandler = (Effect) -> String?

    public var state: AppState
    private let handleEffect: EffectHandler

    public init(state: AppState, handleEffect: @escaping EffectHandler = { _ in nil }) {
        self.state = state
        self.handleEffect = handleEffect
    }

    /// Builds what the account matrix and the account overview need — each one pass over every edge,
    /// about 0.3 s at 1,000 accounts — so that pressing `m` or `o` costs a frame, not a pause. Their
    /// caches are shared by every copy of the screens and guarded by locks, so this may run on another
    /// thread while the first screen is read (`warmUpInBackground`).
    public func warmUp() {
        let context = state.screenContext
        state.matrixScreen.prepare(context: context)
        state.graphScreen.prepareOverview(context: context)
    }

    public func warmUpInBackground() {
        let runner = AppRunnerWarmUp(matrix: state.matrixScreen, graph: state.graphScreen, context: state.screenContext)
        Thread.detachNewThread { runner.run() }
    }

    /// Draws the current state onto the backend at its current size.
    public mutating func redraw(on backend: inout some TerminalBackend) {
        let (w, h) = backend.size
        if w != state.screenWidth || h != state.screenHeight { state.update(.resize(width: w, height: h)) }
        backend.present(AppView.render(state, width: w, height: h), theme: state.theme)
    }

    /// Applies one event; returns true when something changed and a redraw is due.
    public mutating func handle(_ event: Event) -> Bool {
        guard let action = state.action(for: event) else { return false }
        for effect in state.update(action) {
            if let outcome = handleEffect(effect) {
                state.message = outcome
            }
        }
        return true
    }

    /// Runs until the state asks to exit (or the backend runs out of scripted events); returns the exit status.
    public mutating func run(on backend: inout some TerminalBackend, stopWhenIdle: Bool = false) -> Int32 {
        warmUpInBackground()
        redraw(on: &backend)
        while state.exitStatus == nil {
            guard let event = backend.nextEvent() else {
                if stopWhenIdle { break }
                continue
            }
            if handle(event), state.exitStatus == nil { redraw(on: &backend) }
        }
        return state.exitStatus ?? 0
    }
}

/// The pieces `warmUp` needs, as a Sendable value for another thread.
private struct AppRunnerWarmUp: Sendable {
    let matrix: MatrixScreen
    let graph: GraphScreen
    let context: ScreenContext

    func run() {
        matrix.prepare(context: context)
        graph.prepareOverview(context: context)
    }
}
