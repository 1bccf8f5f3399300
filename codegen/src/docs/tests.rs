use super::*;

#[track_caller]
fn md(html: &str, expected: &str) {
    assert_eq!(html_to_markdown(html), expected, "input: {html:?}");
}

// ---------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------

#[test]
fn paragraphs() {
    md("<p>First.</p>", "First.");
    md(
        "<p>First\n      paragraph.</p>\n         <p>\n            Second   one.\n         </p>",
        "First paragraph.\n\nSecond one.",
    );
    // Text outside any tag forms its own paragraphs.
    md(
        "Intro text <p>Inside.</p> trailing <b>bold</b>",
        "Intro text\n\nInside.\n\ntrailing **bold**",
    );
    md("<div><p>a</p>b</div>", "a\n\nb");
}

#[test]
fn empty_input() {
    md("", "");
    md("   \n\t  ", "");
    md("<p></p>", "");
    md("<p/>", "");
    md("<p>  </p>\n<p>\n</p>", "");
    md("<b></b><i> </i>", "");
    md("<ul><li></li><li> </li></ul>", "");
    md("<note></note>", "");
}

#[test]
fn unordered_list() {
    md(
        "<p>Values:</p>\n<ul>\n  <li>\n    <p>\n      <code>A</code>: first\n    </p>\n  </li>\n  <li><p>B</p></li>\n</ul>",
        "Values:\n\n- `A`: first\n- B",
    );
}

#[test]
fn nested_lists() {
    md(
        "<ul><li><p>Outer one</p><ul><li><p>Inner a</p></li><li>Inner b</li></ul></li><li>Outer two</li></ul>",
        "- Outer one\n  - Inner a\n  - Inner b\n- Outer two",
    );
    // An ordered list inside a bullet list, and a list directly inside an item.
    md(
        "<ul><li>Steps:<ol><li>one</li><li>two</li></ol></li><li><ul><li>deep</li></ul></li></ul>",
        "- Steps:\n  1. one\n  2. two\n- - deep",
    );
}

#[test]
fn ordered_list() {
    md("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two");
    md(
        "<ol start=\"9\"><li>nine</li><li>ten<ul><li>x</li></ul></li></ol>",
        "9. nine\n10. ten\n    - x",
    );
}

#[test]
fn loose_list_items() {
    // Items with several paragraphs are separated by blank lines and their
    // continuation paragraphs indented to the item's content.
    md(
        "<ul><li><p>First para.</p><p>Second para.</p></li><li><p>Other.</p></li></ul>",
        "- First para.\n\n  Second para.\n\n- Other.",
    );
}

#[test]
fn adjacent_lists_do_not_merge() {
    md("<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n* b");
    md("<ol><li>a</li></ol><ol><li>b</li></ol>", "1. a\n\n1) b");
}

#[test]
fn stray_list_items() {
    md("<li>one</li><li>two</li>", "- one\n- two");
    md("<ul><li>one<li>two</ul>after", "- one\n- two\n\nafter");
}

#[test]
fn notes_and_important() {
    md("<note><p>Be careful.</p></note>", "> **Note:** Be careful.");
    md(
        "<p>Intro.</p><important><p>First.</p><ul><li>a</li><li>b</li></ul></important><p>After.</p>",
        "Intro.\n\n> **Important:** First.\n>\n> - a\n> - b\n\nAfter.",
    );
    md(
        "<note><ul><li>only a list</li></ul></note>",
        "> **Note:**\n>\n> - only a list",
    );
    md("<note>Bare text</note>", "> **Note:** Bare text");
}

#[test]
fn pre_blocks() {
    md(
        "<p>Example:</p><pre>\n    {\n      \"a\": 1\n    }\n</pre>",
        "Example:\n\n```text\n{\n  \"a\": 1\n}\n```",
    );
    // The fence is longer than any backtick run in the content.
    md("<pre><code>a ``` b</code></pre>", "````text\na ``` b\n````");
    // Entities are decoded, tags stripped, line breaks kept.
    md("<pre>x &lt; y<br>z</pre>", "```text\nx < y\nz\n```");
    md("<pre>  </pre>", "");
}

#[test]
fn headings() {
    md("<h2>Title</h2><p>Body</p>", "**Title**\n\nBody");
    md("<h3>Use <b>this</b></h3>", "**Use this**");
}

#[test]
fn definition_lists() {
    md(
        "<dl><dt>KEY_ONE</dt><dd><p>Unit: COUNT</p></dd><dt>KEY_TWO</dt><dd>Second</dd></dl>",
        "- **KEY_ONE**\n\n  Unit: COUNT\n\n- **KEY_TWO**\n\n  Second",
    );
}

#[test]
fn tables() {
    md(
        "<table><tr><th>Name</th><th>Value</th></tr><tr><td>a|b</td><td><code>x</code></td></tr></table>",
        "| Name | Value |\n| --- | --- |\n| a\\|b | `x` |",
    );
    md(
        "<table><tbody><tr><td>only</td></tr></tbody></table>",
        "| only |\n| --- |",
    );
    md("<table></table>", "");
}

#[test]
fn line_breaks() {
    md("a<br>b", "a\\\nb");
    md("<p>a<br/>b</p>", "a\\\nb");
    // Two breaks in a row end the paragraph.
    md("<p>a<br><br>b</p>", "a\n\nb");
    // Breaks at the edges are dropped.
    md("<p><br>a<br></p>", "a");
}

// ---------------------------------------------------------------------------
// Inline
// ---------------------------------------------------------------------------

#[test]
fn links() {
    md(
        "<p>See <a href=\"https://docs.aws.amazon.com/x.html\">the guide</a>.</p>",
        "See [the guide](https://docs.aws.amazon.com/x.html).",
    );
    // Anchors without a target name an API member.
    md(
        "<p>Call <a>ListThings</a> first.</p>",
        "Call `ListThings` first.",
    );
    // Empty link text: autolink.
    md(
        "<a href=\"https://example.com/a\"></a>",
        "<https://example.com/a>",
    );
    md(
        "<a href=\"https://example.com/a\">https://example.com/a</a>",
        "<https://example.com/a>",
    );
    // Spaces and parentheses in targets are encoded.
    md(
        "<a href=\"https://e.com/a b(c)\">x</a>",
        "[x](https://e.com/a%20b%28c%29)",
    );
    // Relative targets would become broken intra-doc links: keep the text.
    md(
        "<a href=\"API_Foo.html\">Foo</a> and <a href=\"#frag\">bar</a>",
        "Foo and bar",
    );
    // Formatting inside and around links; whitespace moved outside.
    md(
        "<a href=\"https://e.com\"> <code>Op</code> </a>",
        "[`Op`](https://e.com)",
    );
    md(
        "<code><a href=\"https://e.com\">Op</a></code>",
        "[`Op`](https://e.com)",
    );
    md(
        "<a href=\"https://e.com\"><b>[x]</b></a>",
        "[**\\[x\\]**](https://e.com)",
    );
    // Link text is escaped but never autolinked.
    md(
        "<a href=\"https://e.com\">see https://e.com</a>",
        "[see https://e.com](https://e.com)",
    );
    // Unsafe schemes are not links.
    md("<a href=\"javascript:alert(1)\">x</a>", "x");
    md(
        "<a href=\"mailto:someone@example.com\">mail</a>",
        "[mail](mailto:someone@example.com)",
    );
}

#[test]
fn code_spans() {
    md("<code>Foo</code>", "`Foo`");
    md("<code> spaced\n   out </code>", "`spaced out`");
    md("<code>a`b</code>", "``a`b``");
    md("<code>`tick`</code>", "`` `tick` ``");
    md("<code>x``y`</code>", "``` x``y` ```");
    // No escaping inside code.
    md(
        "<code>[a]*b*_c_ &lt;d&gt; \\e</code>",
        "`[a]*b*_c_ <d> \\e`",
    );
    // Formatting inside code is dropped.
    md("<code>arn:<i>region</i>:x</code>", "`arn:region:x`");
    md("<code></code>", "");
}

#[test]
fn bold_and_italic() {
    md(
        "<b>bold</b> and <i>italic</i>, <strong>s</strong> <em>e</em>",
        "**bold** and *italic*, **s** *e*",
    );
    // Whitespace moves outside the delimiters.
    md("a<b> bold </b>b", "a **bold** b");
    // Adjacent runs merge, empty ones vanish, nesting collapses.
    md("<b>a</b><b>b</b>", "**ab**");
    md("x<b></b>y", "xy");
    md("<b>out <b>in</b></b>", "**out in**");
    md("<b><i>both</i></b>", "***both***");
    md("<i>I <b>B</b></i>", "*I **B***");
    // Intra-word emphasis is kept when CommonMark can parse it.
    md("Search<b>All</b>Items", "Search**All**Items");
    md("the <i>Guide.</i>.", "the *Guide.*.");
    // Emphasis that cannot be expressed is dropped, text kept.
    md("a<b>:</b>b", "a:b");
}

#[test]
fn entities() {
    md(
        "&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#39; &#x41;&#66;",
        "&lt;tag> & \"q\" 's' AB",
    );
    md("a&nbsp;b", "a\u{a0}b");
    md("&bogus; & &amp AT&T", "\\&bogus; & &amp AT&T");
    // A decoded `&lt;` must not be re-read as an entity by Markdown.
    md("&amp;lt;", "\\&lt;");
    md(
        "&#0; &#xD800; &#99999999; &#xFFFFFFFFFF;",
        "\u{fffd} \u{fffd} \u{fffd} \\&#xFFFFFFFFFF;",
    );
}

#[test]
fn escaping() {
    md(
        "<p>Valid: [a, b] or [15]</p>",
        "Valid: \\[a, b\\] or \\[15\\]",
    );
    md("a*b* c `d` e~f~ g\\h", "a\\*b\\* c \\`d\\` e\\~f\\~ g\\\\h");
    // Intra-word underscores are left alone, others escaped.
    md(
        "snake_case_name _lead trail_ __init__",
        "snake_case_name \\_lead trail\\_ \\_\\_init\\_\\_",
    );
    md("VOICE_ISOLATION | NONE", "VOICE_ISOLATION | NONE");
}

#[test]
fn line_start_escapes() {
    md(
        "<p>- not a list</p><p>+ nor this</p><p>1. nor this</p><p>2) nor</p><p># no heading</p><p>&gt; no quote</p>",
        "\\- not a list\n\n\\+ nor this\n\n1\\. nor this\n\n2\\) nor\n\n\\# no heading\n\n\\> no quote",
    );
    md("a<br>---<br>b<br>===", "a\\\n\\---\\\nb\\\n\\===");
    md(
        "<p>-1 is last</p><p>#1 item</p><p>2023. Year</p>",
        "-1 is last\n\n#1 item\n\n2023\\. Year",
    );
    md("a | b<br>:-- | --:", "a | b\\\n\\:-- | --:");
}

#[test]
fn bare_urls() {
    md("see https://example.com/x.", "see <https://example.com/x>.");
    md(
        "(https://a.com/b_c) and http://b.org/q?x=1&y=2,",
        "(<https://a.com/b_c>) and <http://b.org/q?x=1&y=2>,",
    );
    md(
        "<p>Go to https://e.com/(x)</p>",
        "Go to <https://e.com/(x)>",
    );
    // Not URLs.
    md("https:// and xhttps://a.com", "https:// and xhttps://a.com");
    md(
        "url: https://e.com/&lt;id&gt;",
        "url: <https://e.com/>&lt;id>",
    );
}

#[test]
fn stray_angle_brackets() {
    md("a < b and x<y, 3<4", "a &lt; b and x&lt;y, 3&lt;4");
    md(
        "Format: <folder name>/<file name>",
        "Format: &lt;folder name>/&lt;file name>",
    );
    md("<code><view-id>:$SAVED</code>", "`<view-id>:$SAVED`");
    md("<p>ends with <</p>", "ends with &lt;");
    md("<", "&lt;");
    md("<!-- comment -->visible", "visible");
    md("<![CDATA[a <b> c]]>", "a &lt;b> c");
}

#[test]
fn malformed_html() {
    md("<p>Unclosed <b>bold<p>Next", "Unclosed **bold**\n\nNext");
    md("</p></li></b>stray end tags", "stray end tags");
    md("<p>a</i></p>", "a");
    md("<ul><li>a</ul></li>b", "- a\n\nb");
    md("<b>x<p>para</p>y</b>", "x\n\npara\n\ny");
    md(
        "<a href=\"https://e.com\">never closed",
        "[never closed](https://e.com)",
    );
    md(
        "<a href=\"unterminated>text",
        "&lt;a href=\"unterminated>text",
    );
    md("<p class=\"title\"><b>Title</b></p>", "**Title**");
    md("<P>Upper <B>case</B></P>", "Upper **case**");
    md("<script>alert(1)</script>ok<style>x</style>", "ok");
    md("<b/>not bold", "not bold");
}

#[test]
fn plain_text() {
    md("Just text.", "Just text.");
    md(
        "Line one\nline two.\n\nSecond para with * and [x].\n\n\n  Third.",
        "Line one line two.\n\nSecond para with \\* and \\[x\\].\n\nThird.",
    );
    // Indented text never becomes a code block.
    md("    indented code?", "indented code?");
}

#[test]
fn control_and_bidi_characters_are_removed() {
    md("a\u{0}b\u{202e}c\u{2066}d\u{7}e", "abcde");
    md("tab\there\r\nnext", "tab here next");
}

#[test]
fn unicode() {
    md(
        "<p>Émoji 😀 – “quotes” 日本語</p>",
        "Émoji 😀 – “quotes” 日本語",
    );
    md("<b>日本</b>語", "**日本**語");
}

#[test]
fn rehydration_type_doc() {
    let html = r#"<p>The contactId chosen for rehydration depends on the type chosen.</p>
         <ul>
            <li>
               <p>
                  <code>ENTIRE_PAST_SESSION</code>: Rehydrates a chat from the most recently terminated past chat contact of the
     specified past ended chat session.</p>
            </li>
            <li>
               <p>
                  <code>FROM_SEGMENT</code>: Rehydrates a chat from the specified past chat contact provided in the
      <code>sourceContactId</code> field. </p>
            </li>
         </ul>
         <ul>
            <li>
               <p>
                  <b>Use Case 1</b>: The customer wants to continue.</p>
               <ul>
                  <li>
                     <p>
                        <b>Configuration</b>
                     </p>
                     <ul>
                        <li>
                           <p>SourceContactId = "C2"</p>
                        </li>
                        <li>
                           <p>RehydrationType = "FROM_SEGMENT"</p>
                        </li>
                     </ul>
                  </li>
               </ul>
            </li>
         </ul>"#;
    md(
        html,
        "The contactId chosen for rehydration depends on the type chosen.\n\
         \n\
         - `ENTIRE_PAST_SESSION`: Rehydrates a chat from the most recently terminated past chat contact of the specified past ended chat session.\n\
         - `FROM_SEGMENT`: Rehydrates a chat from the specified past chat contact provided in the `sourceContactId` field.\n\
         \n\
         * **Use Case 1**: The customer wants to continue.\n  \
           - **Configuration**\n    \
             - SourceContactId = \"C2\"\n    \
             - RehydrationType = \"FROM_SEGMENT\"",
    );
}

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

/// Output invariants that must hold for any input.
#[track_caller]
fn check_invariants(input: &str) {
    let out = html_to_markdown(input);
    assert!(
        !out.starts_with('\n') && !out.ends_with('\n'),
        "{input:?} -> {out:?}"
    );
    assert!(!out.contains("\n\n\n"), "{input:?} -> {out:?}");
    for line in out.lines() {
        assert_eq!(line, line.trim_end(), "{input:?} -> {out:?}");
    }
    for tag in [
        "<p>", "<li>", "<ul>", "<b>", "<i>", "<code>", "<a ", "<note>", "<pre>", "<br>",
    ] {
        assert!(!out.contains(tag), "{tag} in {input:?} -> {out:?}");
    }
    let s = summary(&out);
    assert!(!s.contains('\n'), "{out:?} -> {s:?}");
}

#[test]
fn hostile_inputs_do_not_panic() {
    let cases = [
        "<",
        ">",
        "&",
        "&#",
        "&#x;",
        "&#xFFFFFFFFFF;",
        "<a",
        "<a href",
        "<a href=",
        "<a href='",
        "</",
        "</a",
        "<!--",
        "<!---->",
        "<![CDATA[",
        "<?xml",
        "<!DOCTYPE html>",
        "<p <b>>x",
        "<p =x>",
        "<ol start=\"99999999999999999999\"><li>x</li></ol>",
        "<ol start=\"999999999\"><li>x</li><li>y</li></ol>",
        "<ul><li><ul><li><ul><li><pre>x</pre></li></ul></li></ul></li></ul>",
        "<table><td>a<tr><th>b</table>",
        "<dd>def</dd><dt>term",
        "**not bold** `code` [link](url)",
        "\u{feff}<p>\u{200b}</p>",
        "<p>\u{a0}</p>",
        "<b><i>x</b></i>",
        "<i>a</i><b>b</b><i>c</i>",
        "<b>*</b><i>_</i><b>`</b>",
        "<code>`</code><code>``</code>",
        "<a href=\"https://e.com\"><a href=\"https://f.com\">nested</a></a>",
        "<note><note><important>deep</important></note></note>",
        "<pre><ul><li>x</li></ul></pre>",
        "<h1><ul><li>x</li></ul></h1>",
        "<br><br><br>",
        "<b><br><br></b>",
        "<b>a<br><br>b</b>",
        "https://",
        "https://e.com/<",
        "text\n\n\n\ntext",
    ];
    for c in cases {
        check_invariants(c);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let mut s = String::new();
    for _ in 0..100_000 {
        s.push_str("<b><i><ul><li>");
    }
    s.push_str("deep");
    check_invariants(&s);
    let s = "<p>".repeat(100_000) + &"<note>".repeat(100_000) + "x";
    check_invariants(&s);
}

#[test]
fn many_emphasis_pairs_are_fast() {
    let s = "a<b>b</b>".repeat(20_000) + &"<b>:</b>x".repeat(20_000);
    let start = std::time::Instant::now();
    check_invariants(&s);
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn pseudo_random_inputs() {
    // A deterministic xorshift generator over HTML-ish fragments.
    let atoms = [
        "<p>",
        "</p>",
        "<ul>",
        "</ul>",
        "<ol>",
        "</ol>",
        "<li>",
        "</li>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<code>",
        "</code>",
        "<a href=\"https://e.com/x\">",
        "<a>",
        "</a>",
        "<note>",
        "</note>",
        "<pre>",
        "</pre>",
        "<br>",
        "<dl>",
        "<dt>",
        "<dd>",
        "</dl>",
        "<table>",
        "<tr>",
        "<td>",
        "</table>",
        "<h2>",
        "</h2>",
        " ",
        "\n",
        "\n\n",
        "text",
        "a.",
        "[x]",
        "*",
        "_",
        "`",
        "``",
        "<",
        ">",
        "&amp;",
        "&lt;",
        "&",
        "-",
        "1.",
        "#",
        "|",
        "---",
        "\\",
        "https://e.com/p.",
        "é",
        "😀",
        "<folder name>",
        "<!--",
        "-->",
        "\u{a0}",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let s: String = (0..len)
            .map(|_| atoms[(next() % atoms.len() as u64) as usize])
            .collect();
        check_invariants(&s);
        // Markdown-looking plain text through summary directly.
        let _ = summary(&s);
    }
}

// ---------------------------------------------------------------------------
// summary
// ---------------------------------------------------------------------------

#[test]
fn summary_first_sentence() {
    assert_eq!(summary("First sentence. Second one."), "First sentence.");
    assert_eq!(summary("No period at all"), "No period at all");
    assert_eq!(summary("Ends here.\n\nNext paragraph."), "Ends here.");
    assert_eq!(summary("Wrapped\nline. More"), "Wrapped line.");
    assert_eq!(summary("Question? Answer."), "Question?");
    assert_eq!(summary("Quoted (like this.) Next"), "Quoted (like this.)");
    assert_eq!(summary(""), "");
    assert_eq!(summary("\n\n"), "");
}

#[test]
fn summary_abbreviations() {
    assert_eq!(
        summary("Use a value, e.g. 5. Then go."),
        "Use a value, e.g. 5."
    );
    // Lowercase continuation: not a sentence end.
    assert_eq!(summary("Approx. five items. Next."), "Approx. five items.");
    assert_eq!(summary("Version 1. next step."), "Version 1. next step.");
    // Imperfect splits stay valid Markdown.
    assert_eq!(summary("Made by Foo Inc. The best."), "Made by Foo Inc.");
}

#[test]
fn summary_keeps_markdown_balanced() {
    assert_eq!(summary("The `a. B` value. Next."), "The `a. B` value.");
    assert_eq!(
        summary("See [the. Guide](https://e.com/a.b) now. Next."),
        "See [the. Guide](https://e.com/a.b) now."
    );
    assert_eq!(
        summary("**Bold. Still bold** after. Next"),
        "**Bold. Still bold** after."
    );
    assert_eq!(summary("*Em. More* end. Next"), "*Em. More* end.");
    assert_eq!(
        summary("The <https://e.com/a.B> link. Next"),
        "The <https://e.com/a.B> link."
    );
    assert_eq!(summary("Escaped \\*star. Next"), "Escaped \\*star.");
    assert_eq!(
        summary("A ``code ` span. x`` here. Next"),
        "A ``code ` span. x`` here."
    );
    // The cut after a closing delimiter keeps it.
    assert_eq!(summary("Is **done.** Next"), "Is **done.**");
}

#[test]
fn summary_of_blocks() {
    assert_eq!(summary("- Item one. More.\n- Item two."), "Item one.");
    assert_eq!(summary("1. Step one. More."), "Step one.");
    assert_eq!(
        summary("> **Note:** Careful. Really."),
        "**Note:** Careful."
    );
    assert_eq!(summary("```text\nA. B.\n```\n\nAfter. More."), "After.");
    assert_eq!(summary("Line\\\nbroken. Next"), "Line broken.");
    assert_eq!(summary("- Lead in:\n  - nested. x"), "Lead in:");
}

#[test]
fn summary_of_converted_docs() {
    let doc = html_to_markdown(
        "<p>Gets the <b>thing</b>. See <a href=\"https://e.com/a\">docs. here</a>.</p><p>More.</p>",
    );
    assert_eq!(summary(&doc), "Gets the **thing**.");
    let doc = html_to_markdown("<note><p>Deprecated. Use <code>Other</code>.</p></note>");
    assert_eq!(summary(&doc), "**Note:** Deprecated.");
    let doc = html_to_markdown("<p>See <a href=\"https://e.com/a\">docs. Here</a> now. x</p>");
    assert_eq!(summary(&doc), "See [docs. Here](https://e.com/a) now. x");
}

#[test]
fn pathological_inputs_stay_fast() {
    let n = 20_000;
    let cases = [
        "<!--".repeat(n),
        "<![CDATA[".repeat(n),
        "<!x".repeat(n),
        "<a href=\"x ".repeat(n) + &"<a href='y ".repeat(n),
        "<script></script>".repeat(n),
        "https://e.com/".to_string() + &")".repeat(n * 5),
        format!("<{}", "a".repeat(n * 10)).repeat(3),
        "<ul><li>".repeat(n),
        "`".repeat(n) + " x " + &"``".repeat(n),
        "[".repeat(n) + "a. B",
        (1..700)
            .map(|k| "`".repeat(k))
            .collect::<Vec<_>>()
            .join(" "),
        "<http:".repeat(n),
    ];
    for c in &cases {
        let start = std::time::Instant::now();
        check_invariants(c);
        let _ = summary(c);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(3),
            "slow on {:?}",
            &c[..20]
        );
    }
}

#[test]
fn script_and_comment_edge_cases() {
    md("a<!-- unterminated", "a&lt;!-- unterminated");
    md("<SCRIPT>x</Script>b", "b");
    md("<script>never closed", "");
    md("<!x>a<?y?>b", "ab");
    md("<p title='a > b'>x</p>", "x");
}
