import CopyLintBase
import CopyLintDocument

/// A rule the engine can run: its description and how to build it with options.
public struct RuleEntry: Sendable {
    public let description: RuleDescription
    public let make: @Sendable (RuleOptions) -> any RuleChecker

    public init(description: RuleDescription, make: @escaping @Sendable (RuleOptions) -> any RuleChecker) {
        self.description = description
        self.make = make
    }

    public init<R: Rule>(_ type: R.Type) {
        description = R.description
        make = { R(options: $0) }
    }

    public var id: String { description.id }
}

/// The rules known to a run, in a stable order.
public struct RuleRegistry: Sendable {
    public private(set) var entries: [RuleEntry]
    private var index: [String: Int]

    public init(_ entries: [RuleEntry]) {
        self.entries = []
        index = [:]
        for entry in entries { add(entry) }
    }

    public mutating func add(_ entry: RuleEntry) {
        if let i = index[entry.id] {
            entries[i] = entry
        } else {
            index[entry.id] = entries.count
            entries.append(entry)
        }
    }

    public subscript(id: String) -> RuleEntry? { index[id].map { entries[$0] } }

    public var ids: [String] { entries.map(\.id) }
}
