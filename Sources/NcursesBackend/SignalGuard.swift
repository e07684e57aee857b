#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only global mutable state of the program lives here: POSIX signal handlers can
// reach nothing else. Handlers only set a flag or restore the terminal and re-raise.

/// The last stop signal received (SIGINT, SIGTERM, SIGHUP), or 0. Read by the input loop.
nonisolated(unsafe) private var pendingStopSignal: sig_atomic_t = 0
/// The terminal settings before we started, restored by the crash guard.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false
/// The handlers that were in place before ours (Swift's backtracer among them), by signal number:
/// after restoring the terminal the crash guard hands the signal on to them.
nonisolated(unsafe) private let previousCrashActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
}()
private let previousCrashActionCount = 65

/// Installs the signal handlers of terminal.md: flag-only handlers for the stop signals,
/// and a crash guard that restores the terminal and re-raises for the fatal ones.
enum SignalGuard {
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Test runners block SIGWINCH and friends for their threads, and children inherit the mask:
    /// resize would then never arrive. Start from an empty mask.
    static func clearSignalMask() {
        var set = sigset_t()
        sigemptyset(&set)
        pthread_sigmask(SIG_SETMASK, &set, nil)
    }

    static func install() {
        if tcgetattr(0, &savedTermios) == 0 { haveSavedTermios = true }
        for s in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in pendingStopSignal = sig }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, nil)
        }
        for s in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                SignalGuard.restoreTerminalFromSignal()
                // Hand the signal on: the previous handler (a backtrace on a sane terminal) or the default.
                if sig > 0, Int(sig) < previousCrashActionCount {
                    sigaction(sig, previousCrashActions + Int(sig), nil)
                } else {
                    signal(sig, SIG_DFL)
                }
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, previousCrashActions + Int(s))
        }
    }

    /// Async-signal-safe restore: terminal modes back, mouse reporting off, alternate screen left,
    /// cursor shown, attributes reset. Only `write` and `tcsetattr`.
    static func restoreTerminalFromSignal() {
        if haveSavedTermios { tcsetattr(0, TCSANOW, &savedTermios) }
        let reset = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n"
        _ = reset.withCString { write(1, $0, strlen($0)) }
    }

    /// The pending stop signal, cleared.
    static func takePendingSignal() -> Int32 {
        let s = pendingStopSignal
        if s != 0 { pendingStopSignal = 0 }
        return s
    }
}
