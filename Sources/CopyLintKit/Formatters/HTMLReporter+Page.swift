/// The page's inline style and script: fixed text, the same for every report.
extension HTMLReporter {
    /// Chinese copy is set in the system's CJK sans (Noto/Source Han on Linux, PingFang on macOS,
    /// Microsoft YaHei on Windows); lines wrap where the browser may break them, and a long URL or
    /// Latin run breaks anywhere rather than widening the page (never `break-all`, which would cut
    /// English words).
    static let style = #"""
    :root {
      --fg: #1d1d1f; --muted: #6b6b72; --bg: #fff; --panel: #f4f4f7; --line: #dcdce2;
      --error: #c0362c; --error-bg: rgba(224, 60, 49, .17);
      --warning: #9a5a00; --warning-bg: rgba(245, 166, 35, .28);
      --info: #1f5fbf; --info-bg: rgba(52, 120, 230, .15);
      --del: rgba(224, 60, 49, .15); --ins: rgba(46, 160, 67, .2);
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6e6ea; --muted: #9c9ca4; --bg: #19191b; --panel: #25252a; --line: #3a3a41;
              --error: #ff7b72; --warning: #e3b341; --info: #79b8ff; }
    }
    * { box-sizing: border-box; }
    body {
      margin: 0 auto; max-width: 76rem; padding: 1rem 1.5rem 4rem; color: var(--fg); background: var(--bg);
      font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC",
        "Source Han Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
    }
    code, .ln { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: .88em; }
    a { color: inherit; }
    h1 { font-size: 1.5rem; margin: .5rem 0 0; }
    h2 { font-size: 1.1rem; }
    .totals, .counts, .gap, tr.clean { color: var(--muted); }
    table { border-collapse: collapse; margin: .4rem 0 1rem; }
    th, td { text-align: left; padding: .15rem 1rem .15rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
    table.files td + td, table.files th + th, table.rules td:last-child { text-align: right; }
    .filters label { margin-left: .8rem; white-space: nowrap; }
    [data-severity=error] { --sev: var(--error); --sev-bg: var(--error-bg); }
    [data-severity=warning] { --sev: var(--warning); --sev-bg: var(--warning-bg); }
    [data-severity=info] { --sev: var(--info); --sev-bg: var(--info-bg); }
    td[data-severity], .counts [data-severity], .filters label[data-severity] { color: var(--sev); }
    section.file { margin-top: 2.5rem; }
    section.file h2 { position: sticky; top: 0; z-index: 1; margin: 0; padding: .4rem 0; background: var(--bg); overflow-wrap: anywhere; }
    .counts { margin: 0 0 .5rem; }
    .copy { border-top: 1px solid var(--line); padding-top: .4rem; }
    .line { display: grid; grid-template-columns: 4rem minmax(0, 1fr); line-height: 1.85; }
    .ln { color: var(--muted); text-align: right; padding-right: 1rem; user-select: none; }
    .tx { white-space: pre-wrap; overflow-wrap: anywhere; }
    mark { color: inherit; background: var(--sev-bg); border-bottom: 2px solid var(--sev); border-radius: 2px; cursor: pointer; }
    mark.empty { display: inline-block; width: .3em; height: 1.2em; vertical-align: text-bottom; border: 0;
                 border-left: 3px solid var(--sev); background: none; }
    mark.off { background: none; border-color: transparent; cursor: auto; }
    mark.focus { outline: 2px solid var(--sev); }
    aside.note { margin: .2rem 0 .8rem 4rem; padding: .35rem .8rem; border-left: 4px solid var(--sev); border-radius: 0 4px 4px 0;
                 background: var(--panel); font-size: .92rem; line-height: 1.6; }
    aside.note.focus { box-shadow: 0 0 0 2px var(--sev); }
    .note.off, .by-rule h2.off { display: none; }
    .nh .sev { color: var(--sev); font-weight: 600; font-size: .8em; text-transform: uppercase; letter-spacing: .04em; }
    .nh .at { color: var(--muted); font-size: .85em; margin-left: .3rem; overflow-wrap: anywhere; }
    .msg { margin: .1rem 0; overflow-wrap: anywhere; }
    .help .label, .fix .kind { font-weight: 600; }
    .related { margin: .1rem 0; padding-left: 1.2rem; }
    .fix { white-space: pre-wrap; overflow-wrap: anywhere; }
    .fix del { text-decoration: none; background: var(--del); }
    .fix ins { text-decoration: none; background: var(--ins); }
    .gap { padding: .2rem 0 .2rem 4rem; }
    body.grouped main { display: none; }
    .by-rule aside.note { margin-left: 0; }
    @media (max-width: 40rem) {
      body { padding: .5rem .8rem 3rem; }
      .line { grid-template-columns: 2.6rem minmax(0, 1fr); }
      .ln { padding-right: .5rem; }
      aside.note, .gap { margin-left: 0; padding-left: .6rem; }
    }
    @media print { .filters, section.file h2 { position: static; } .filters { display: none; } }

    """#

    /// Links each mark to its note (and says on <body> how many it linked, for tests and tools),
    /// runs the filters, honours `#hide-rule=a,b&hide-severity=info` so that a link can open the page
    /// filtered, and builds the grouped view on first use.
    static let script = #"""
    (function () {
      "use strict";
      var body = document.body;
      var marks = Array.from(document.querySelectorAll("mark[data-finding]"));
      var notes = Array.from(document.querySelectorAll("main aside.note"));
      var copies = [];
      var hidden = { rule: new Set(), severity: new Set() };

      // A finding is linked when a mark names it and its note is on the page.
      var linked = new Set();
      marks.forEach(function (m) {
        var note = document.getElementById(m.dataset.finding);
        if (note && note.classList.contains("note")) linked.add(m.dataset.finding);
      });
      body.setAttribute("data-rendered", String(linked.size));

      // A hidden rule or severity keeps its text but loses the highlight and the note.
      function apply() {
        marks.concat(notes, copies).forEach(function (el) {
          el.classList.toggle("off", hidden.rule.has(el.dataset.rule) || hidden.severity.has(el.dataset.severity));
        });
        document.querySelectorAll("input[data-filter]").forEach(function (box) {
          box.checked = !hidden[box.dataset.filter].has(box.value);
        });
        body.setAttribute("data-hidden-rules", Array.from(hidden.rule).sort().join(" "));
        body.setAttribute("data-hidden-severities", Array.from(hidden.severity).sort().join(" "));
      }

      function focus(id) {
        document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
        marks.forEach(function (m) { if (m.dataset.finding === id) m.classList.add("focus"); });
        var note = document.getElementById(id);
        if (note) note.classList.add("focus");
        return note;
      }

      // The notes by rule, most findings first: copies of the notes, built once, the copy hidden meanwhile.
      function group(on) {
        var view = document.getElementById("by-rule");
        if (on && !view.hasChildNodes()) {
          var byRule = new Map();
          notes.forEach(function (n) {
            if (!byRule.has(n.dataset.rule)) byRule.set(n.dataset.rule, []);
            byRule.get(n.dataset.rule).push(n);
          });
          Array.from(byRule).sort(function (a, b) { return b[1].length - a[1].length || a[0].localeCompare(b[0]); })
            .forEach(function (entry) {
              var h = document.createElement("h2");
              h.textContent = entry[0] + " (" + entry[1].length + ")";
              h.dataset.rule = entry[0];
              view.appendChild(h);
              copies.push(h);
              entry[1].forEach(function (n) {
                var copy = n.cloneNode(true);
                copy.removeAttribute("id");
                copy.dataset.of = n.id;
                view.appendChild(copy);
                copies.push(copy);
              });
            });
          apply();
        }
        view.hidden = !on;
        body.classList.toggle("grouped", on);
        document.getElementById("group-by-rule").checked = on;
      }

      document.addEventListener("change", function (e) {
        var box = e.target;
        if (box.dataset && box.dataset.filter) {
          var set = hidden[box.dataset.filter];
          if (box.checked) set.delete(box.value); else set.add(box.value);
          apply();
        } else if (box.id === "group-by-rule") {
          group(box.checked);
        }
      });

      document.addEventListener("click", function (e) {
        if (!e.target.closest) return;
        var mark = e.target.closest("mark[data-finding]");
        if (mark && !mark.classList.contains("off")) {
          var note = focus(mark.dataset.finding);
          if (note) note.scrollIntoView({ block: "nearest", behavior: "smooth" });
          return;
        }
        var link = e.target.closest("a[href^='#']");
        if (!link) return;
        // A place in the copy is not on the grouped view: leave it before the browser goes there.
        if (body.classList.contains("grouped")) group(false);
        var target = link.getAttribute("href").slice(1);
        if (target.indexOf("m-") === 0) focus(target.slice(2));
      });

      function fromHash() {
        var hash;
        try { hash = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }
        if (hash.indexOf("hide-") !== 0) return;
        hidden.rule.clear();
        hidden.severity.clear();
        hash.split("&").forEach(function (part) {
          var kv = part.split("=");
          var set = kv[0] === "hide-rule" ? hidden.rule : kv[0] === "hide-severity" ? hidden.severity : null;
          if (set && kv[1]) kv[1].split(",").forEach(function (v) { if (v) set.add(v); });
        });
        apply();
      }
      window.addEventListener("hashchange", fromHash);
      apply();
      fromHash();
    })();

    """#
}
