/// The line on stderr that ends a run.
enum Summary {
    static func line(counts: Counts, files: Int) -> String {
        let fileWord = files == 1 ? "file" : "files"
        let total = counts.total
        if total == 0 { return "copylint: \(files) \(fileWord) checked, no problems found\n" }
        let parts = [(counts.errors, "error"), (counts.warnings, "warning"), (counts.infos, "note")].compactMap { n, word -> String? in
            n == 0 ? nil : "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        var s = "copylint: \(total) problem\(total == 1 ? "" : "s") (\(parts.joined(separator: ", "))) in \(counts.files) of \(files) \(fileWord)"
        if counts.safeFixes > 0 { s += "; \(counts.safeFixes) with a safe fix" }
        return s + "\n"
    }
}
