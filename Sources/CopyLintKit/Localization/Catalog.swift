import Foundation
import CopyLintBase

/// One language's text for copylint (Localization/Catalogs/LOCALE.json, embedded by
/// scripts/embed-locales.py): what each rule's English messages, notes and fix titles say in it,
/// the phrases that fill their placeholders, each rule's help and documentation, and the
/// command line's own words. The English catalog holds the same keys, each mapped to itself (it is
/// the list of what there is to say), and the English help.
struct Catalog: Sendable {
    struct RuleText: Sendable {
        var summary: String?
        var rationale: String?
        var options: [String: String] = [:]
        var examples: [String: String] = [:]
    }

    let locale: String
    /// Per rule id: its message templates and what each says here, the most specific first.
    let messages: [String: [(template: Template, text: String)]]
    let phrases: [String: String]
    let notes: [(template: Template, text: String)]
    let fixes: [(template: Template, text: String)]
    let help: [String: String]
    let rules: [String: RuleText]
    /// The command line's words: English template -> this language's.
    let ui: [String: String]
    /// `--help`'s lines of each option, by the option's long name.
    let options: [String: [String]]
    /// What the run's errors and warnings say (their message, after `error:`), the most specific first.
    let errors: [(template: Template, text: String)]
    /// English words that fill an error's placeholders (JSON type names: object, array, …).
    let errorPhrases: [String: String]

    init(json text: String, name: String) throws(CopyLintError) {
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw CopyLintError("\(name): not a JSON object")
            }
            object = o
        } catch let e as CopyLintError {
            throw e
        } catch {
            throw CopyLintError("\(name): invalid JSON: \(error.localizedDescription)")
        }
        func table(_ key: String) -> [String: String] { object[key] as? [String: String] ?? [:] }
        func templates(_ map: [String: String]) -> [(template: Template, text: String)] {
            map.map { (Template($0.key), $0.value) }.sorted { $0.template.literalLength > $1.template.literalLength }
        }
        locale = object["locale"] as? String ?? name
        var messages: [String: [(template: Template, text: String)]] = [:]
        for (rule, map) in object["messages"] as? [String: [String: String]] ?? [:] { messages[rule] = templates(map) }
        self.messages = messages
        phrases = table("phrases")
        notes = templates(table("notes"))
        fixes = templates(table("fixes"))
        help = table("help")
        var rules: [String: RuleText] = [:]
        for (id, value) in object["rules"] as? [String: [String: Any]] ?? [:] {
            rules[id] = RuleText(summary: value["summary"] as? String, rationale: value["rationale"] as? String,
                                 options: value["options"] as? [String: String] ?? [:],
                                 examples: value["examples"] as? [String: String] ?? [:])
        }
        self.rules = rules
        ui = table("ui")
        options = object["options"] as? [String: [String]] ?? [:]
        errors = templates(table("errors"))
        errorPhrases = table("errorPhrases")
    }

    /// The built-in catalogs, each read the first time its language is asked for (an English run
    /// reads only the English one, and only to give help lines).
    static func builtin(_ locale: MessageLocale) -> Catalog? {
        switch locale {
        case .en: return english
        case .zhHans: return simplified
        case .zhHant: return traditional
        }
    }
    private static let english = load(.en), simplified = load(.zhHans), traditional = load(.zhHant)

    /// The catalogs are the repository's own, and the tests load each: one that did not load would
    /// leave its language in English, not stop the run.
    private static func load(_ locale: MessageLocale) -> Catalog? {
        guard let json = EmbeddedCatalogs.all.first(where: { $0.0 == locale.rawValue })?.1 else { return nil }
        return try? Catalog(json: json, name: "\(locale.rawValue).json")
    }
}
