import Dispatch
import Foundation
import NoteLintCore

/// Counts of a stream of findings: what the summary line and the exit code need once the findings
/// themselves have been written out and let go.
public struct FindingTally: Sendable {
  public private(set) var total = 0
  public private(set) var bySeverity: [Severity: Int] = [:]
  public private(set) var byCategory: [Category: Int] = [:]
  /// Whether some finding fails the `fail-on` of its own file's configuration.
  public private(set) var failsOwnThreshold = false

  public init() {}

  public init(_ findings: [Finding], failOn: [String: FailThreshold] = [:]) {
    for finding in findings { add(finding, failOn: failOn[finding.file] ?? .warning) }
  }

  public mutating func add(_ finding: Finding, failOn: FailThreshold) {
    total += 1
    bySeverity[finding.severity, default: 0] += 1
    byCategory[finding.category, default: 0] += 1
    if failOn.fails(finding.severity) { failsOwnThreshold = true }
  }

  public func count(_ severity: Severity) -> Int { bySeverity[severity] ?? 0 }

  /// Whether the findings fail the run: against `override` (the command line's `--fail-on`) when
  /// given, else against each file's own threshold.
  public func fails(override: FailThreshold?) -> Bool {
    guard let override else { return failsOwnThreshold }
    return bySeverity.contains { $0.value > 0 && override.fails($0.key) }
  }
}

/// Runs work items on all cores and hands their results to one consumer in index order, holding
/// at most `window` finished results: a scan of any size keeps a bounded number of documents and
/// findings in memory, and its output is the same as a one-core run's.
final class OrderedDelivery<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var pending: [Int: Value] = [:]
  private var delivered = 0
  private var next = 0
  private let count: Int
  private let window: Int
  private let consume: (Value) -> Void

  init(count: Int, window: Int, consume: @escaping (Value) -> Void) {
    self.count = count
    self.window = max(1, window)
    self.consume = consume
  }

  /// The next index to work on, waiting while the window is full; nil when all are taken.
  private func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while next < count && next >= delivered + window { condition.wait() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }

  /// Stores a result and delivers every result that is now next in order (under the lock, so the
  /// consumer sees one result at a time, in order).
  private func finish(_ index: Int, _ value: Value) {
    condition.lock()
    defer { condition.unlock() }
    pending[index] = value
    while let ready = pending.removeValue(forKey: delivered) {
      consume(ready)
      delivered += 1
    }
    condition.broadcast()
  }

  func run(workers: Int, _ body: @Sendable (Int) -> Value) {
    if workers <= 1 || count <= 1 {
      for index in 0..<count { finish(index, body(index)) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
      while let index = take() { finish(index, body(index)) }
    }
  }
}
