import Foundation
import CopyLintBase
import CopyLintEngine

/// Says copylint's words in one language. Findings keep their English message (baselines, sorting
/// and fingerprints read it, and it is the same in every run); a report asks the localizer for the
/// message, notes, fix title and help in its language when it prints them. In English every answer
/// is the text as it is.
public final class Localizer: @unchecked Sendable {
    public let locale: MessageLocale
    private let catalog: Catalog?
    /// The English catalog (its help lines), read when first asked for.
    private var english: Catalog? { Catalog.builtin(.en) }
    /// Messages already said (a page repeats a message many times): guarded by `lock`.
    private var said: [String: String] = [:]
    private let lock = NSLock()

    public init(_ locale: MessageLocale) {
        self.locale = locale
        catalog = locale == .en ? nil : Catalog.builtin(locale)
    }

    public static let english = Localizer(.en)

    /// The finding's message in this language (the English one when no template of its rule fits).
    public func message(_ d: Diagnostic) -> String { message(d.message, rule: d.ruleID) }

    public func message(_ text: String, rule: String) -> String {
        guard let catalog, let templates = catalog.messages[rule] else { return text }
        return remembered("m\u{1}\(rule)\u{1}\(text)") { translate(text, templates, catalog) }
    }

    /// A related location's message.
    public func note(_ text: String) -> String {
        guard let catalog else { return text }
        return remembered("n\u{1}\(text)") { translate(text, catalog.notes, catalog) }
    }

    /// A fix's title.
    public func fixTitle(_ text: String) -> String {
        guard let catalog else { return text }
        return remembered("f\u{1}\(text)") { translate(text, catalog.fixes, catalog) }
    }

    /// An error as the run prints it (`FILE:LINE:COL: error: …`, `copylint: error: FILE: …`), its
    /// message in this language; the shape, paths and positions as they are.
    public func error(_ error: any Error) -> String {
        guard let e = error as? CopyLintError else { return "\(error)" }
        guard let catalog else { return e.description }
        let message = remembered("e\u{1}\(e.message)") {
            // Only a JSON type or a system's reason is said again; a key or value the user wrote is quoted as it is.
            translate(e.message, catalog.errors, catalog, phrases: catalog.errorPhrases, slots: ["type", "reason"])
        }
        return CopyLintError(message, path: e.path, position: e.position).description
    }

    /// A warning line: `copylint: warning: ` and the message in this language.
    public func warning(_ text: String) -> String {
        guard let catalog else { return "copylint: warning: \(text)" }
        let said = remembered("w\u{1}\(text)") { translate(text, catalog.errors, catalog, phrases: [:]) }
        return "copylint: warning: \(said)"
    }

    /// What to do about a finding of the rule (nil for a rule without help, such as a desk's own pack rule).
    public func help(rule: String) -> String? {
        catalog?.help[rule] ?? english?.help[rule]
    }

    /// A rule's summary, rationale, option help and example note in this language (or as given).
    public func summary(rule: String, _ text: String) -> String { catalog?.rules[rule]?.summary ?? text }
    public func rationale(rule: String, _ text: String) -> String { catalog?.rules[rule]?.rationale ?? text }
    public func optionHelp(rule: String, option: String, _ text: String) -> String { catalog?.rules[rule]?.options[option] ?? text }
    public func exampleNote(rule: String, _ text: String) -> String { catalog?.rules[rule]?.examples[text] ?? text }

    /// A line of the command line's own (an English template with `{name}` placeholders), filled in.
    public func ui(_ template: String, _ values: [String: String] = [:]) -> String {
        Template.fill(catalog?.ui[template] ?? template, values)
    }

    /// `--help`'s lines for an option (its English lines when the language has none).
    public func optionLines(_ option: String, _ lines: [String]) -> [String] { catalog?.options[option] ?? lines }

    private func remembered(_ key: String, _ make: () -> String) -> String {
        lock.lock()
        if let known = said[key] { lock.unlock(); return known }
        lock.unlock()
        let text = make()
        lock.lock()
        said[key] = text
        lock.unlock()
        return text
    }

    /// The first template that fits, with its placeholders' values said in this language too.
    /// `slots`: the placeholders whose values are said again from `phrases` (nil: all of them).
    private func translate(_ text: String, _ templates: [(template: Template, text: String)], _ catalog: Catalog,
                           phrases: [String: String]? = nil, slots: Set<String>? = nil) -> String {
        let phrases = phrases ?? catalog.phrases
        for (template, local) in templates {
            guard let values = template.match(text) else { continue }
            var said: [String: String] = [:]
            for (name, value) in values { said[name] = slots.map { $0.contains(name) } ?? true ? phrases[value] ?? value : value }
            return Template.fill(local, said)
        }
        return text
    }
}
