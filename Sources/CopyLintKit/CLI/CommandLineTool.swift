import Dispatch
import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// The whole `copylint` command, callable from tests: arguments in, exit code out.
public struct CommandLineTool {
    public let environment: [String: String]
    public let stdout: TextSink
    public let stderr: TextSink
    /// Reads all of standard input (injected for tests).
    public let readStandardInput: () -> [UInt8]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                stdout: TextSink = OutputStream.stdout, stderr: TextSink = OutputStream.stderr,
                readStandardInput: @escaping () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) {
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
        self.readStandardInput = readStandardInput
    }

    public func run(_ arguments: [String]) -> Int32 {
        defer {
            stdout.flush()
            stderr.flush()
        }
        let options: Options
        do {
            options = try Options.parse(arguments)
        } catch {
            // The options did not parse: --locale is looked for among the arguments as they are.
            stderr.write(Localizer(Options.localeNamed(in: arguments) ?? MessageLocale.fromEnvironment(environment)).error(error) + "\n")
            return ExitCode.usage
        }
        // --locale, else the environment's (a .lintrc's "locale" is read where one is loaded).
        let localizer = Localizer(options.locale ?? MessageLocale.fromEnvironment(environment))
        switch options.command {
        case .help:
            stdout.write(Options.usage(localizer) + "\n")
            return ExitCode.clean
        case .version:
            stdout.write("copylint \(ToolInfo.version)\n")
            return ExitCode.clean
        case .rules, .explain:
            // The rules the configuration here can use: copylint's and its packs'.
            let registry: RuleRegistry
            var l = localizer
            do {
                let resolver = try ConfigResolver(loader: ConfigLoader(), explicitPath: options.configPath)
                let config = try resolver.configuration(forDirectory: ".")
                registry = config?.registry ?? .builtin
                if options.locale == nil, let locale = config?.locale { l = Localizer(locale) }
            } catch {
                stderr.write(l.error(error) + "\n")
                return ExitCode.usage
            }
            guard case .explain(let id) = options.command else {
                stdout.write(RuleDocs.list(registry, l))
                return ExitCode.clean
            }
            guard let entry = registry[id] else {
                stderr.write(l.error(CopyLintError("unknown rule '\(id)'" + didYouMeanRule(id, registry.ids) + "; copylint rules lists them")) + "\n")
                return ExitCode.usage
            }
            stdout.write(RuleDocs.explain(entry.description, l))
            return ExitCode.clean
        case .initialize(let folder):
            return InitCommand(folder: folder, force: options.force, localizer: localizer, stdout: stdout, stderr: stderr).run()
        case .blocks:
            return BlocksCommand(options: options, localizer: localizer, stdout: stdout, stderr: stderr).run()
        case .lsp:
            stdout.flush()
            return LanguageServer.runStdio()
        case .lint:
            return LintCommand(options: options, environment: environment, stdout: stdout, stderr: stderr,
                               readStandardInput: readStandardInput).run()
        }
    }

    /// Set by the executable, whose process ends when `run` returns: the last files' diagnostics are
    /// then left to the system instead of being freed one by one (tests run many times in one process).
    public static var processEndsAfterRun: Bool {
        get { LintCommand.processEndsAfterRun }
        set { LintCommand.processEndsAfterRun = newValue }
    }
}
