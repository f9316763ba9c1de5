// `import CopyLintKit` is the whole library: the application floor and every floor below it.
@_exported import CopyLintBase
@_exported import CopyLintDocument
@_exported import CopyLintEngine
@_exported import CopyLintRules
