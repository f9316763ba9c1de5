// libFuzzer entry point, compiled together with the library sources by fuzz/run
// (`swiftc -sanitize=fuzzer,address`). The target is chosen at run time: COPYLINT_FUZZ_TARGET.
import Foundation

private let fuzzTarget = ProcessInfo.processInfo.environment["COPYLINT_FUZZ_TARGET"] ?? "lint"

@_cdecl("LLVMFuzzerTestOneInput")
public func copylintFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = FuzzTargets.run(fuzzTarget, bytes)
    if !problems.isEmpty {
        // A broken invariant is a crash to libFuzzer: it saves the input as an artifact.
        fatalError("copylint fuzz target \(fuzzTarget): " + problems.joined(separator: "; "))
    }
    return 0
}
