/// How a file's lines make its blocks: the markup of its headings, how its paragraphs flow over
/// lines, and whether it is a paper's export with heading slots on top. Recognised from the copy
/// (`LayoutChoice.auto`) or set in `.lintrc` (`"layout"`).
public struct Layout: Sendable, Equatable, CustomStringConvertible {
    public enum Markup: String, Sendable {
        /// `#` headings.
        case markdown
        /// Headlines are lines of their own, told by their place and shape.
        case plain
    }

    public enum Flow: Sendable, Equatable {
        /// One paragraph a line (blank lines may or may not separate them).
        case lines
        /// A paragraph's lines run on until a blank line, a heading or a comment (Markdown's rule).
        case blankSeparated
        /// Hard-wrapped at `width` characters (`columns`: at a terminal width, East Asian wide = 2): a
        /// line runs on into the next unless it stops short of the width, a blank line follows, or
        /// (`indentStarts`) the next line is indented.
        case wrapped(width: Int, columns: Bool, indentStarts: Bool)
    }

    /// A stretch of a page between rules, take marks, jump lines or wide gaps, with a flow of its own
    /// (a page may run a wrapped wire story beside stories set a paragraph a line).
    public struct Region: Sendable, Equatable {
        /// The region's first and last lines (from 0).
        public var firstLine: Int, lastLine: Int
        public var flow: Flow
    }

    public var markup: Markup
    /// The flow of the page's longest region (of the whole file when it has one region).
    public var flow: Flow
    /// The page's regions, where they differ in flow (empty otherwise: `flow` holds throughout).
    public var regions: [Region] = []
    /// A paper's export: the first three lines are the kicker, the headline and the subtitle, each
    /// left empty when absent; the body follows, a paragraph a line.
    public var export: Bool
    /// Paragraphs open with an indent (　　 or spaces): an unindented line among them is something else.
    public var indentedParagraphs: Bool

    public init(markup: Markup, flow: Flow, export: Bool = false, indentedParagraphs: Bool = false) {
        self.markup = markup
        self.flow = flow
        self.export = export
        self.indentedParagraphs = indentedParagraphs
    }

    /// The flow at line `line` (from 0).
    public func flow(atLine line: Int) -> Flow {
        regions.first { $0.firstLine <= line && line <= $0.lastLine }?.flow ?? flow
    }

    /// `markdown, wrapped at 69 characters (an indent starts a paragraph)`; a page of regions lists
    /// them: `plain, lines 1-10 wrapped at 59 characters, lines 12-18 a paragraph a line`.
    public var description: String {
        var parts = [export ? "paper export" : markup.rawValue]
        if regions.isEmpty {
            parts.append(Self.describe(flow))
        } else {
            for r in regions { parts.append("lines \(r.firstLine + 1)-\(r.lastLine + 1) " + Self.describe(r.flow)) }
        }
        if indentedParagraphs, case .lines = flow { parts.append("paragraphs indented") }
        return parts.joined(separator: ", ")
    }

    static func describe(_ flow: Flow) -> String {
        switch flow {
        case .lines: return "a paragraph a line"
        case .blankSeparated: return "paragraphs end at blank lines"
        case .wrapped(let width, let columns, let indent):
            return "wrapped at \(width) \(columns ? "columns" : "characters")" + (indent ? " (an indent starts a paragraph)" : "")
        }
    }
}

/// The `layout` setting: recognise it (`auto`), or take the file to be laid out one way.
public enum LayoutChoice: String, Sendable, CaseIterable {
    /// Recognised file by file.
    case auto
    /// Markdown: a paragraph's lines run on until a blank line.
    case markdown
    /// One paragraph a line.
    case lines
    /// Hard-wrapped paragraphs (the width is measured).
    case wrapped
    /// A paper's export: kicker, headline and subtitle lines on top, then a paragraph a line.
    case export
}
