import CopyLintKit
#if canImport(Glibc)
import Glibc
#endif

// A closed pipe is reported by write() and handled there, not by a signal.
signal(SIGPIPE, SIG_IGN)
exit(CommandLineTool().run(Array(CommandLine.arguments.dropFirst())))
