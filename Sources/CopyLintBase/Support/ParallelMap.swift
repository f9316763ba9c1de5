import Foundation

/// Runs independent jobs on all cores and keeps results in job order.
package enum ParallelMap {
    private final class Slots<T>: @unchecked Sendable {
        package var items: [T?]
        package init(_ n: Int) { items = [T?](repeating: nil, count: n) }
    }

    /// Documents at least this large (bytes) are worked on in slices on all cores.
    package static let parallelThreshold = 1 << 20

    /// How many slices to cut a document's work into: one below the parallel threshold, else a few
    /// per core so that uneven slices still keep every core busy.
    package static func slices(forBytes n: Int) -> Int { slices(parallel: n >= parallelThreshold) }

    package static func slices(parallel: Bool) -> Int { parallel ? ProcessInfo.processInfo.activeProcessorCount * 4 : 1 }

    package static func run<T>(count: Int, _ job: @Sendable (Int) -> T) -> [T] {
        if count == 1 { return [job(0)] }
        let slots = Slots<T>(count)
        slots.items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: count) { k in out[k] = job(k) }
        }
        return slots.items.map { $0! }
    }
}
