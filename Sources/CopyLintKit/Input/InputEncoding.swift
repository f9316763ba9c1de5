import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Input encodings copylint can decode.
public enum InputEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8", utf16 = "utf-16", gb18030, big5
}
