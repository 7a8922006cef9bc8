import Diagnostics
import Foundation

/// Where a compilation puts the diagnostics it has settled, from any thread: a
/// ``DiagnosticSelection`` behind a lock, so what is held stays within the limit however
/// many files report, plus the few kept whatever the limit (the profiles' problems).
final class DiagnosticSink: @unchecked Sendable {
    private let lock = NSLock()
    private var selection: DiagnosticSelection
    private var always: [Diagnostic] = []

    init(limit: Int) {
        selection = DiagnosticSelection(limit: limit)
    }

    func add(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        selection.add(contentsOf: diagnostics)
    }

    /// Diagnostics kept outside the limit.
    func keepAll(_ diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        always += diagnostics
    }

    /// Everything kept, in output order, and what the limit left out.
    func result() -> (diagnostics: [Diagnostic], omitted: DiagnosticTally) {
        lock.lock()
        defer { lock.unlock() }
        return ((always + selection.shown).sorted(by: Diagnostic.precedes), selection.omitted)
    }
}
