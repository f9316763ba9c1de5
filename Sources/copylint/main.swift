import CopyLintKit
// Imported here so that a release build, compiled against the static Foundation, links its libraries.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// A closed pipe is reported by write() and handled there, not by a signal.
signal(SIGPIPE, SIG_IGN)
// The process ends when the run does: what it holds at the end is not freed piece by piece.
CommandLineTool.processEndsAfterRun = true
exit(CommandLineTool().run(Array(CommandLine.arguments.dropFirst())))
