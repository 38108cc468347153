#include "sourcecheck/document.hpp"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace sourcecheck {
namespace {

using namespace std::string_literals;  // inputs with NUL bytes need ""s

// The text of `input` read in `format`, or "ERROR: <message>".
std::string TextOf(const std::string& input, InputFormat format, bool replace = false) {
  ReadOptions options;
  options.format = format;
  options.replace_invalid_utf8 = replace;
  Result<Document> doc = ReadDocument("draft", input, options);
  if (!doc.ok()) return "ERROR: " + doc.status().message();
  return doc->text();
}

Document MustRead(const std::string& path, const std::string& input, InputFormat format = InputFormat::kAuto,
                  bool replace = false) {
  ReadOptions options;
  options.format = format;
  options.replace_invalid_utf8 = replace;
  Result<Document> doc = ReadDocument(path, input, options);
  INFO(doc.status().message());
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

// The original bytes the `nth` occurrence of `word` in text maps back to.
std::string OriginalOf(const Document& doc, const std::string& word, int nth = 0) {
  size_t pos = doc.text().find(word);
  for (int k = 0; k < nth && pos != std::string::npos; ++k) pos = doc.text().find(word, pos + 1);
  if (pos == std::string::npos) return "<" + word + " not in text>";
  const uint32_t original = doc.ToOriginal(static_cast<uint32_t>(pos));
  return doc.original().substr(original, word.size());
}

LineColumn LocateWord(const Document& doc, const std::string& word) {
  const size_t pos = doc.text().find(word);
  REQUIRE(pos != std::string::npos);
  return doc.Locate(static_cast<uint32_t>(pos));
}

// A scratch directory removed with its files when the test ends.
class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/sourcecheck_document_test.XXXXXX";
    const char* made = mkdtemp(pattern);
    REQUIRE(made != nullptr);
    path_ = made;
  }
  ~TempDir() {
    for (const std::string& file : files_) ::unlink(file.c_str());
    ::rmdir(path_.c_str());
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& content) {
    const std::string file = path_ + "/" + name;
    std::FILE* f = std::fopen(file.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(content.data(), 1, content.size(), f) == content.size());
    std::fclose(f);
    files_.push_back(file);
    return file;
  }

 private:
  std::string path_;
  std::vector<std::string> files_;
};

}  // namespace

TEST_CASE("InputFormatName and ParseInputFormat agree", "[document]") {
  auto [name, format] = GENERATE(table<std::string, InputFormat>({
      {"auto", InputFormat::kAuto},
      {"text", InputFormat::kText},
      {"markdown", InputFormat::kMarkdown},
      {"html", InputFormat::kHtml},
  }));
  CAPTURE(name);
  InputFormat parsed = InputFormat::kText;
  REQUIRE(ParseInputFormat(name, &parsed));
  CHECK(parsed == format);
  CHECK(InputFormatName(format) == name);
}

TEST_CASE("ParseInputFormat rejects unknown names", "[document]") {
  InputFormat format = InputFormat::kHtml;
  CHECK_FALSE(ParseInputFormat("md", &format));
  CHECK_FALSE(ParseInputFormat("HTML", &format));
  CHECK_FALSE(ParseInputFormat("", &format));
  CHECK(format == InputFormat::kHtml);
}

TEST_CASE("FormatFromPath reads the extension", "[document]") {
  auto [path, format] = GENERATE(table<std::string, InputFormat>({
      {"draft.md", InputFormat::kMarkdown},
      {"drafts/story.markdown", InputFormat::kMarkdown},
      {"STORY.MD", InputFormat::kMarkdown},
      {"page.html", InputFormat::kHtml},
      {"page.htm", InputFormat::kHtml},
      {"page.xhtml", InputFormat::kHtml},
      {"/tmp/a.b/page.HTML", InputFormat::kHtml},
      {"draft.txt", InputFormat::kText},
      {"draft", InputFormat::kText},
      {"dir.md/draft", InputFormat::kText},
      {"draft.md.bak", InputFormat::kText},
      {"-", InputFormat::kText},
  }));
  CAPTURE(path);
  CHECK(FormatFromPath(path) == format);
}

TEST_CASE("ReadDocument keeps plain text byte for byte", "[document]") {
  const std::string input = "Officials said the plan, first reported by Reuters, would pass.\n\nA second paragraph.\n";
  const Document doc = MustRead("draft.txt", input);
  CHECK(doc.format() == InputFormat::kText);
  CHECK(doc.path() == "draft.txt");
  CHECK(doc.original() == input);
  CHECK(doc.text() == input);
  CHECK(doc.ToOriginal(10) == 10);
  CHECK(doc.ToOriginal(static_cast<uint32_t>(input.size())) == input.size());
  CHECK(doc.Locate(static_cast<uint32_t>(input.find("second"))).line == 3);
  CHECK(doc.Locate(static_cast<uint32_t>(input.find("second"))).column == 3);
}

TEST_CASE("ReadDocument chooses the format from the path unless told", "[document]") {
  CHECK(MustRead("a.md", "# Head").text() == "Head");
  CHECK(MustRead("a.md", "# Head", InputFormat::kText).text() == "# Head");
  CHECK(MustRead("a.txt", "<p>Hi</p>", InputFormat::kHtml).text() == "Hi");
  CHECK(MustRead("a.txt", "<p>Hi</p>", InputFormat::kHtml).format() == InputFormat::kHtml);
}

TEST_CASE("ReadDocument drops a UTF-8 BOM from text", "[document]") {
  const std::string input = "\xEF\xBB\xBFHello world\nSecond line";
  const Document doc = MustRead("draft.txt", input);
  CHECK(doc.original() == input);
  CHECK(doc.text() == "Hello world\nSecond line");
  CHECK(doc.ToOriginal(0) == 3);
  CHECK(OriginalOf(doc, "world") == "world");
  CHECK(doc.ToOriginal(static_cast<uint32_t>(doc.text().size())) == input.size());
  // Editors do not count the BOM, so neither do columns.
  CHECK(doc.Locate(0).line == 1);
  CHECK(doc.Locate(0).column == 1);
  CHECK(LocateWord(doc, "world").column == 7);
  CHECK(doc.OriginalLine(1) == "Hello world");
  CHECK(LocateWord(doc, "Second").line == 2);
}

TEST_CASE("ReadDocument counts CRLF and a lone CR as one line break", "[document]") {
  const std::string input = "one\r\ntwo\rthree\nfour\r\n";
  const Document doc = MustRead("draft.txt", input);
  // CRLF stays (the tokenizer reads CR as space); a lone CR becomes a newline.
  CHECK(doc.text() == "one\r\ntwo\nthree\nfour\r\n");
  CHECK(LocateWord(doc, "two").line == 2);
  CHECK(LocateWord(doc, "three").line == 3);
  CHECK(LocateWord(doc, "three").column == 1);
  CHECK(LocateWord(doc, "four").line == 4);
  CHECK(doc.LineColumnOf(4).line == 1);  // the LF of the first CRLF
  CHECK(doc.LineColumnOf(4).column == 5);
  CHECK(doc.OriginalLine(1) == "one");
  CHECK(doc.OriginalLine(2) == "two");
  CHECK(doc.OriginalLine(3) == "three");
  CHECK(doc.OriginalLine(4) == "four");
  CHECK(doc.OriginalLine(5).empty());
  CHECK(doc.OriginalLine(0).empty());
  CHECK(doc.OriginalLine(99).empty());
}

TEST_CASE("ReadDocument turns NUL bytes into spaces", "[document]") {
  const std::string input = "a\0b\0\0c"s;
  const Document doc = MustRead("draft.txt", input);
  CHECK(doc.text() == "a b  c");
  CHECK(doc.ToOriginal(2) == 2);
  CHECK(MustRead("d.md", "*a*\0b"s).text() == "a b");
  CHECK(MustRead("d.html", "<p>a\0b</p>"s).text() == "a b");
}

TEST_CASE("ReadDocument finds a NUL, a lone CR, a non-ASCII letter or a bad byte anywhere in a block", "[document]") {
  // Plain ASCII is skipped a block at a time: each special byte is put at
  // every offset of a 40-byte line, across the block edges, and at its end.
  struct Case {
    std::string bytes;       // what is inserted
    std::string cleaned;     // what the text holds in its place
  };
  const Case cases[] = {{"\0"s, " "}, {"\r", "\n"}, {"\xC3\xA9", "\xC3\xA9"}, {"\xFF", "\xEF\xBF\xBD"}};
  for (const Case& c : cases) {
    for (size_t at = 0; at <= 40; ++at) {
      const std::string plain(40, 'x');
      const std::string input = plain.substr(0, at) + c.bytes + plain.substr(at);
      INFO("insert " << c.cleaned.size() << " bytes at " << at);
      const Document doc = MustRead("draft.txt", input, InputFormat::kText, /*replace=*/true);
      CHECK(doc.text() == plain.substr(0, at) + c.cleaned + plain.substr(at));
      CHECK(doc.original() == input);
      // The first byte after the special one maps back past it.
      CHECK(doc.ToOriginal(static_cast<uint32_t>(at + c.cleaned.size())) == at + c.bytes.size());
    }
  }
}

TEST_CASE("ReadDocument reports each kind of invalid UTF-8", "[document]") {
  auto [input, message] = GENERATE(table<std::string, std::string>({
      {"ab\x80" "cd", "draft.txt: invalid UTF-8 at byte 2: stray continuation byte (80)"},
      {"a\xC0\xAF", "draft.txt: invalid UTF-8 at byte 1: overlong encoding (C0 AF)"},
      {"a\xE0\x80\xAF", "draft.txt: invalid UTF-8 at byte 1: overlong encoding (E0 80 AF)"},
      {"a\xF0\x80\x80\xAF", "draft.txt: invalid UTF-8 at byte 1: overlong encoding (F0 80 80 AF)"},
      {"a\xED\xA0\x80", "draft.txt: invalid UTF-8 at byte 1: UTF-16 surrogate (ED A0 80)"},
      {"a\xF4\x90\x80\x80", "draft.txt: invalid UTF-8 at byte 1: code point above U+10FFFF (F4 90 80 80)"},
      {"a\xF5\x80\x80\x80", "draft.txt: invalid UTF-8 at byte 1: code point above U+10FFFF (F5 80 80 80)"},
      {"a\xE2\x82", "draft.txt: invalid UTF-8 at byte 1: truncated sequence (E2 82)"},
      {"a\xE2\x82z", "draft.txt: invalid UTF-8 at byte 1: truncated sequence (E2 82)"},
      {"a\xC3", "draft.txt: invalid UTF-8 at byte 1: truncated sequence (C3)"},
      {"a\xFF", "draft.txt: invalid UTF-8 at byte 1: byte never used in UTF-8 (FF)"},
      {"ok \xE2\x80\x99 then\xFE", "draft.txt: invalid UTF-8 at byte 11: byte never used in UTF-8 (FE)"},
  }));
  CAPTURE(input);
  for (InputFormat format : {InputFormat::kText, InputFormat::kMarkdown, InputFormat::kHtml}) {
    ReadOptions options;
    options.format = format;
    Result<Document> doc = ReadDocument("draft.txt", input, options);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().message() == message);
  }
}

TEST_CASE("ReadDocument locates invalid UTF-8 by line and column", "[document]") {
  Result<Document> doc = ReadDocument("draft.md", "# Title\r\nab\x80", ReadOptions());
  REQUIRE_FALSE(doc.ok());
  REQUIRE(doc.status().diagnostics().size() == 1);
  const Diagnostic& d = doc.status().diagnostics()[0];
  CHECK(d.path == "draft.md");
  CHECK(d.line == 2);
  CHECK(d.column == 3);
  CHECK(doc.status().ToString() ==
        "draft.md:2:3: error: invalid UTF-8 at byte 11: stray continuation byte (80)\n");
}

TEST_CASE("ReadDocument replaces invalid UTF-8 when asked", "[document]") {
  // C0 and AF are two bad parts; the truncated E2 82 is one.
  const std::string input = "a\xC0\xAF" "b\xE2\x82";
  const Document doc = MustRead("draft.txt", input, InputFormat::kText, /*replace=*/true);
  CHECK(doc.text() == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(doc.original() == input);
  CHECK(doc.ToOriginal(1) == 1);
  CHECK(doc.ToOriginal(2) == 1);  // inside the first U+FFFD
  CHECK(doc.ToOriginal(4) == 2);
  CHECK(doc.ToOriginal(7) == 3);  // 'b'
  CHECK(doc.ToOriginal(8) == 4);
  CHECK(doc.ToOriginal(11) == input.size());
}

TEST_CASE("ReadDocument replaces invalid UTF-8 inside markup", "[document]") {
  const std::string md = "Bad \xFF byte *here*\n";
  const Document doc = MustRead("draft.md", md, InputFormat::kAuto, /*replace=*/true);
  CHECK(doc.text() == "Bad \xEF\xBF\xBD byte here");
  CHECK(doc.ToOriginal(4) == 4);
  CHECK(OriginalOf(doc, "byte") == "byte");
  CHECK(OriginalOf(doc, "here") == "here");

  const Document html = MustRead("draft.html", "<p>x\xC0y</p>", InputFormat::kAuto, /*replace=*/true);
  CHECK(html.text() == "x\xEF\xBF\xBDy");
  CHECK(OriginalOf(html, "y") == "y");
}

TEST_CASE("ReadDocument strips Markdown emphasis", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"Some *emphasis* here.", "Some emphasis here."},
      {"Some _emphasis_ here.", "Some emphasis here."},
      {"**Strong** start", "Strong start"},
      {"__Strong__ start", "Strong start"},
      {"~~gone~~ text", "gone text"},
      {"***both*** ways", "both ways"},
      {"*a **b** c*", "a b c"},
      {"snake_case_name stays", "snake_case_name stays"},
      {"2 * 3 = 6", "2 * 3 = 6"},
      {"*unclosed emphasis", "*unclosed emphasis"},
      {"5*3*2", "532"},
      {"\xE2\x80\x9C*Quoted*\xE2\x80\x9D she said.", "\xE2\x80\x9CQuoted\xE2\x80\x9D she said."},
      {"*across\nlines*", "across\nlines"},
      {"a ~single~ tilde", "a ~single~ tilde"},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kMarkdown) == text);
}

TEST_CASE("ReadDocument keeps Markdown link text and drops the URL", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"Read [the report](https://example.com/r) today.", "Read the report today."},
      {"A [link](<https://x.com/a b> \"Title\") here", "A link here"},
      {"A [link](https://x.com 'Title') here", "A link here"},
      {"[Nested *emph*](u) ok", "Nested emph ok"},
      {"Parens [a](https://en.wikipedia.org/wiki/Foo_(bar)) end", "Parens a end"},
      {"An image ![alt text](pic.png) here", "An image  here"},
      {"[![logo](l.png)](https://x.com)Text", "Text"},
      {"Auto <https://example.com/x> link", "Auto https://example.com/x link"},
      {"Mail <desk@example.com> now", "Mail desk@example.com now"},
      {"\"[The mayor] said no\" stays", "\"[The mayor] said no\" stays"},
      {"Ref [the ref][r] and [r] and [R][]\n\n[r]: https://example.com", "Ref the ref and r and R"},
      {"Undefined [x][nope] stays", "Undefined [x][nope] stays"},
      {"[not a link] (space) stays", "[not a link] (space) stays"},
      {"Footnote[^1] mark.\n\n[^1]: The note.", "Footnote mark.\n\nThe note."},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kMarkdown) == text);
}

TEST_CASE("ReadDocument makes Markdown headings and list items paragraphs", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"# Headline\nBody text.", "Headline\n\nBody text."},
      {"Body\n## Closed ##\nMore", "Body\n\nClosed\n\nMore"},
      {"###### Six", "Six"},
      {"####### Seven", "####### Seven"},
      {"#hashtag is not a heading", "#hashtag is not a heading"},
      {"Title\n=====\nBody", "Title\n\nBody"},
      {"Sub\n---\nBody", "Sub\n\nBody"},
      {"- one\n- two\n* three\n+ four", "one\n\ntwo\n\nthree\n\nfour"},
      {"1. first\n2) second\n10. tenth", "first\n\nsecond\n\ntenth"},
      {"Intro:\n- item", "Intro:\n\nitem"},
      {"Text line\n2. not a list", "Text line\n2. not a list"},
      {"- item\n  continued\n\n  second para\n- next", "item\n  continued\n\nsecond para\n\nnext"},
      {"- outer\n  - nested\n    - deeper\n- back", "outer\n\nnested\n\ndeeper\n\nback"},
      {"- outer\n\n      code in item\n\nAfter", "outer\n\nAfter"},
      {"- [ ] task\n- [x] done", "task\n\ndone"},
      {"> Quoted line\n> continues\n\nAfter", "Quoted line\ncontinues\n\nAfter"},
      {"> lazy\ncontinuation", "lazy\ncontinuation"},
      {"> > nested quote", "nested quote"},
      {"> # Quoted head\n> - quoted item", "Quoted head\n\nquoted item"},
      {"Para\n> quote", "Para\n\nquote"},
      {"Above\n\n***\n\nBelow", "Above\n\nBelow"},
      {"Above\n\n- - -\nBelow", "Above\n\nBelow"},
      {"Above\n___\nBelow", "Above\n\nBelow"},
      {"| a | b |\n|---|:-:|\n| 1 | 2 |", "| a | b |\n| 1 | 2 |"},
      {"\n\n\nFirst\n\n\n\nSecond\n\n", "First\n\nSecond"},
      {"Trailing spaces   \n\nNext", "Trailing spaces\n\nNext"},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kMarkdown) == text);
}

TEST_CASE("ReadDocument skips Markdown code, front matter and comments", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"Use `grep -r` now", "Use grep -r now"},
      {"`` a `tick` ``", "a `tick`"},
      {"Unmatched `` tick`", "Unmatched `` tick`"},
      {"Before\n\n```js\nlet x = 1;\n\n# not a heading\n```\n\nAfter", "Before\n\nAfter"},
      {"Before\n~~~\ncode\n~~~~\nAfter", "Before\n\nAfter"},
      {"```\nnever closed\n\nstill code", ""},
      {"Before\n\n    indented code\n\n    more\n\nAfter", "Before\n\nAfter"},
      {"Para\n    not code", "Para\n    not code"},
      {"---\ntitle: T\ntags: [a]\n---\nBody", "Body"},
      {"---\ntitle: T\n...\n\nBody", "Body"},
      {"---\nNot front matter", "Not front matter"},
      {"Intro\n\n---\ntitle: late\n---", "Intro\n\ntitle: late"},
      {"Visible <!-- hidden --> text", "Visible  text"},
      {"Hidden at the end <!-- note -->", "Hidden at the end"},
      {"<!--\nmulti\n\n# line\n-->\nAfter", "After"},
      {"Start <!-- open\n\nstill hidden\n--> end", "Start\n\nend"},
      {"<script>\nvar a = 1;\n\n* not a list\n</script>\nAfter", "After"},
      {"Inline <script>x()</script>after", "Inline after"},
      {"[a <!-- b](u) c -->\nnext line", "a <!-- b c -->\nnext line"},
      {"[a <script>](u) stays\n\nNext", "a  stays\n\nNext"},
      {"<style>p {}</style>\nText", "Text"},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kMarkdown) == text);
}

TEST_CASE("ReadDocument strips inline HTML, escapes and entities in Markdown", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"Text with <span class=\"x\">inline</span> html", "Text with inline html"},
      {"A<br>B", "A\n\nB"},
      {"<div>\nBlock html\n</div>", "Block html"},
      {"Before <div>\ninside\n</div> after", "Before\n\ninside\n\nafter"},
      {"Escaped \\*stars\\* and \\_under\\_ and \\[x](y)", "Escaped *stars* and _under_ and [x](y)"},
      {"Back\\slash \\a stays", "Back\\slash \\a stays"},
      {"Line one\\\nline two", "Line one\nline two"},
      {"Fish &amp; chips &mdash; &#8217;", "Fish & chips \xE2\x80\x94 \xE2\x80\x99"},
      {"Not &anentity; here", "Not &anentity; here"},
      {"a < b and c > d", "a < b and c > d"},
      {"x<y and z", "x<y and z"},
      {"`&amp; <b>` in code", "&amp; <b> in code"},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kMarkdown) == text);
}

TEST_CASE("ReadDocument maps Markdown text back to the original", "[document]") {
  const std::string input =
      "# Title\n\nThe *mayor* said [in a statement](http://x) that **taxes** rise.\n\n"
      "- First item\n> Quote here\n> and more words\n\n&ldquo;Quoted&rdquo; end\n";
  const Document doc = MustRead("draft.md", input);
  CHECK(doc.text() ==
        "Title\n\nThe mayor said in a statement that taxes rise.\n\nFirst item\n\nQuote here\nand more words"
        "\n\n\xE2\x80\x9CQuoted\xE2\x80\x9D end");
  for (const char* word : {"Title", "The", "mayor", "said", "statement", "taxes", "rise", "First", "Quote", "and",
                           "words", "Quoted", "end"}) {
    CAPTURE(word);
    CHECK(OriginalOf(doc, word) == word);
  }
  CHECK(LocateWord(doc, "mayor").line == 3);
  CHECK(LocateWord(doc, "mayor").column == 6);
  CHECK(LocateWord(doc, "words").line == 7);
  CHECK(LocateWord(doc, "words").column == 12);
  // A decoded entity maps to its '&'.
  const size_t quote = doc.text().find("\xE2\x80\x9C");
  CHECK(doc.ToOriginal(static_cast<uint32_t>(quote)) == input.find("&ldquo;"));
  CHECK(doc.ToOriginal(static_cast<uint32_t>(quote + 2)) == input.find("&ldquo;"));
  // The break after a heading maps to the line break it stands for.
  CHECK(doc.ToOriginal(5) == 7);
  CHECK(doc.ToOriginal(static_cast<uint32_t>(doc.text().size())) == input.size());
}

TEST_CASE("ReadDocument maps Markdown through a BOM and CRLF line ends", "[document]") {
  const std::string input = "\xEF\xBB\xBF# Head\r\n\r\nBody *text* here\r\nline two\r\n";
  const Document doc = MustRead("draft.md", input);
  CHECK(doc.text() == "Head\n\nBody text here\nline two");
  for (const char* word : {"Head", "Body", "text", "here", "line", "two"}) {
    CAPTURE(word);
    CHECK(OriginalOf(doc, word) == word);
  }
  CHECK(LocateWord(doc, "Head").line == 1);
  CHECK(LocateWord(doc, "Head").column == 3);
  CHECK(LocateWord(doc, "two").line == 4);
  CHECK(LocateWord(doc, "two").column == 6);
  CHECK(doc.OriginalLine(3) == "Body *text* here");
}

TEST_CASE("ReadDocument converts HTML to paragraphs of text", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<p>Line\n  wrapped\tword</p>", "Line wrapped word"},
      {"<p>  leading and trailing  </p>", "leading and trailing"},
      {"<h1>Head</h1>Body", "Head\n\nBody"},
      {"<h3 class=\"kicker\">Kicker</h3><p>Text</p>", "Kicker\n\nText"},
      {"a<br>b<br/>c<BR />d", "a\n\nb\n\nc\n\nd"},
      {"<ul><li>x</li><li>y</li></ul>", "x\n\ny"},
      {"<ol>\n  <li>x</li>\n  <li>y</li>\n</ol>", "x\n\ny"},
      {"<blockquote>Quote</blockquote>After", "Quote\n\nAfter"},
      {"<section><article><header>H</header>Body<footer>F</footer></article></section>", "H\n\nBody\n\nF"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a\n\nb\n\nc"},
      {"<div><p>Nested</p></div>", "Nested"},
      {"Above<hr>Below", "Above\n\nBelow"},
      {"<figure><img src=x alt=\"A photo\"><figcaption>Cap</figcaption></figure>", "Cap"},
      {"<pre>keep\n  this</pre>", "keep\n  this"},
      {"<pre>\n  code\n</pre><p>Next</p>", "code\n\nNext"},
      {"<b>bold</b> and <i>it</i>alic <a href=\"u\">link</a>", "bold and italic link"},
      {"<a href=\"x>y\" title='a>b'>link</a>", "link"},
      {"<span>a</span>\n<span>b</span>", "a b"},
      {"<P>Upper</P><DIV>Case</DIV>", "Upper\n\nCase"},
      {"<script>alert('<p>')</script>Text", "Text"},
      {"<SCRIPT type=\"x\">a</SCRIPT >Text", "Text"},
      {"<style>p { }</style>Text", "Text"},
      {"<noscript>Enable JS</noscript>Text", "Text"},
      {"<template><p>t</p></template>Text", "Text"},
      {"<!DOCTYPE html><html><head><title>T</title><meta charset=utf-8></head><body>Body</body></html>", "Body"},
      {"<head><title>T</title><body>No head close", "No head close"},
      {"<!-- c -->Text<!-- d --> more", "Text more"},
      {"Text<!-- never closed", "Text"},
      {"<?xml version=\"1.0\"?><p>X</p>", "X"},
      {"a < b and 1<2", "a < b and 1<2"},
      {"<p>Unclosed <b", "Unclosed"},
      {"<script>never closed", ""},
      {"<svg><text>chart</text></svg>Story", "Story"},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kHtml) == text);
}

TEST_CASE("ReadDocument decodes HTML entities", "[document]") {
  auto [input, text] = GENERATE(table<std::string, std::string>({
      {"&amp;&lt;&gt;&quot;&apos;", "&<>\"'"},
      {"a&nbsp;b", "a\xC2\xA0" "b"},
      {"&mdash;&ndash;", "\xE2\x80\x94\xE2\x80\x93"},
      {"&lsquo;&rsquo;&ldquo;&rdquo;", "\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D"},
      {"&hellip;&eacute;&Eacute;&uuml;", "\xE2\x80\xA6\xC3\xA9\xC3\x89\xC3\xBC"},
      {"&#8217;&#x2019;&#X2019;", "\xE2\x80\x99\xE2\x80\x99\xE2\x80\x99"},
      {"&#146;s", "\xE2\x80\x99s"},
      {"&#65;&#x42;", "AB"},
      {"&#0;&#xD800;&#x110000;&#99999999999;", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"&#128512;", "\xF0\x9F\x98\x80"},
      {"soft&shy;hyphen", "softhyphen"},
      {"&unknown; &amp &#; &#x;", "&unknown; &amp &#; &#x;"},
      {"AT&T", "AT&T"},
  }));
  CAPTURE(input);
  CHECK(TextOf(input, InputFormat::kHtml) == text);
}

TEST_CASE("ReadDocument maps HTML text back to the original", "[document]") {
  const std::string input =
      "<html><body>\n<p>The &ldquo;mayor&rdquo; said</p>\n<p>Taxes   will\n rise &amp; fall.</p></body></html>";
  const Document doc = MustRead("page.html", input);
  CHECK(doc.text() == "The \xE2\x80\x9Cmayor\xE2\x80\x9D said\n\nTaxes will rise & fall.");
  for (const char* word : {"The", "mayor", "said", "Taxes", "will", "rise", "fall."}) {
    CAPTURE(word);
    CHECK(OriginalOf(doc, word) == word);
  }
  CHECK(LocateWord(doc, "rise").line == 4);
  CHECK(LocateWord(doc, "rise").column == 2);
  // Inserted text maps to the start of its markup: the entity's '&' and the
  // "</p>" that ends the paragraph.
  CHECK(doc.ToOriginal(static_cast<uint32_t>(doc.text().find('&'))) == input.find("&amp;"));
  CHECK(doc.ToOriginal(static_cast<uint32_t>(doc.text().find("\n\n"))) == input.find("</p>"));
  CHECK(doc.ToOriginal(static_cast<uint32_t>(doc.text().find("\n\n") + 1)) == input.find("</p>"));
  // The space standing for "\n " maps to the newline.
  CHECK(doc.ToOriginal(static_cast<uint32_t>(doc.text().find(" rise"))) == input.find("\n rise"));
}

TEST_CASE("ReadDocument refuses documents over max_bytes", "[document]") {
  ReadOptions options;
  options.max_bytes = 10;
  Result<Document> doc = ReadDocument("big.txt", std::string(100, 'x'), options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().message() == "big.txt: 100 bytes is over the limit of 10 bytes (--max-bytes)");
  options.max_bytes = 100;
  CHECK(ReadDocument("big.txt", std::string(100, 'x'), options).ok());
}

TEST_CASE("ReadFile reads a file and names the path in its errors", "[document]") {
  TempDir dir;
  ReadOptions options;

  const std::string draft = dir.Write("story.md", "# Hi\n\nBody *text*.\n");
  Result<Document> doc = ReadFile(draft, options);
  REQUIRE(doc.ok());
  CHECK(doc->path() == draft);
  CHECK(doc->format() == InputFormat::kMarkdown);
  CHECK(doc->text() == "Hi\n\nBody text.");

  const std::string missing = dir.path() + "/missing.md";
  Result<Document> none = ReadFile(missing, options);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() == missing + ": No such file or directory");

  Result<Document> directory = ReadFile(dir.path(), options);
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message() == dir.path() + ": is a directory");

  options.max_bytes = 4;
  Result<Document> big = ReadFile(draft, options);
  REQUIRE_FALSE(big.ok());
  CHECK(big.status().message() == draft + ": 19 bytes is over the limit of 4 bytes (--max-bytes)");

  const std::string bad = dir.Write("bad.txt", "ok\n\xC0\xAF");
  options.max_bytes = 0;
  Result<Document> invalid = ReadFile(bad, options);
  REQUIRE_FALSE(invalid.ok());
  CHECK(invalid.status().message() == bad + ": invalid UTF-8 at byte 3: overlong encoding (C0 AF)");
}

TEST_CASE("ReadFile reports an unreadable file", "[document]") {
  if (::geteuid() == 0) return;  // root reads anything
  TempDir dir;
  const std::string secret = dir.Write("secret.txt", "x");
  REQUIRE(::chmod(secret.c_str(), 0) == 0);
  Result<Document> doc = ReadFile(secret, ReadOptions());
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().message() == secret + ": Permission denied");
}

TEST_CASE("Document::FromParts maps inserted text to its markup", "[document]") {
  // "<p>Hi</p><p>Yo</p>" -> "Hi\n\nYo": the break stands for "</p>" at 5.
  const Document doc = Document::FromParts("p.html", InputFormat::kHtml, "<p>Hi</p><p>Yo</p>", "Hi\n\nYo",
                                           {{0, 3, 2}, {2, 5, 0}, {4, 12, 2}});
  CHECK(doc.ToOriginal(0) == 3);
  CHECK(doc.ToOriginal(1) == 4);
  CHECK(doc.ToOriginal(2) == 5);
  CHECK(doc.ToOriginal(3) == 5);
  CHECK(doc.ToOriginal(4) == 12);
  CHECK(doc.ToOriginal(5) == 13);
  CHECK(doc.ToOriginal(6) == 18);
  CHECK(doc.ToOriginal(600) == 18);

  const Document identity = Document::FromParts("a.txt", InputFormat::kText, "abc\ndef", "abc\ndef", {});
  CHECK(identity.ToOriginal(5) == 5);
  CHECK(identity.Locate(5).line == 2);
  CHECK(identity.Locate(5).column == 2);
  CHECK(identity.LineColumnOf(1000).line == 2);
  CHECK(identity.LineColumnOf(1000).column == 4);
}

TEST_CASE("Document handles empty input", "[document]") {
  for (InputFormat format : {InputFormat::kText, InputFormat::kMarkdown, InputFormat::kHtml}) {
    const Document doc = MustRead("empty", "", format);
    CHECK(doc.text().empty());
    CHECK(doc.ToOriginal(0) == 0);
    CHECK(doc.LineColumnOf(0).line == 1);
    CHECK(doc.OriginalLine(1).empty());
  }
  CHECK(MustRead("bom", "\xEF\xBB\xBF").text().empty());
}

TEST_CASE("ReadDocument keeps offsets consistent on random input", "[document]") {
  // Fragments that exercise every branch of the converters, glued at random.
  static const std::vector<std::string> kPieces = {
      "a", "word", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\0"s, "\t", "*", "**", "_", "~~", "`", "```",
      "~~~", "[", "]", "(", ")", "![", "](", "<", ">", "&", "&amp;", "&#8217;", "&#x;", "&bogus;", "#", "# ",
      "- ", "1. ", "> ", "---", "    ", "|", "\\", "!", "<p>", "</p>", "<br>", "<b>", "<script>", "</script>",
      "<!--", "-->", "<a href=\"", "\"", "'", "\xE2\x80\x99", "\xC3\xA9", "\xFF", "\xE2\x82", "\xC0\xAF",
      "\xEF\xBB\xBF", "[r]: http://x\n", "[r]", "<https://x.y>", "<pre>", "</pre>", "<head>", "<title>"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  int checked = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string input;
    for (int k = length(rng); k > 0; --k) input += kPieces[piece(rng)];
    for (InputFormat format : {InputFormat::kText, InputFormat::kMarkdown, InputFormat::kHtml}) {
      ReadOptions options;
      options.format = format;
      options.replace_invalid_utf8 = true;
      Result<Document> doc = ReadDocument("fuzz", input, options);
      REQUIRE(doc.ok());
      const std::string& text = doc->text();
      const std::string& original = doc->original();
      INFO("format " << InputFormatName(format) << " input '" << input << "' text '" << text << "'");
      REQUIRE(doc->ToOriginal(static_cast<uint32_t>(text.size())) == original.size());
      uint32_t previous = 0;
      bool ok = true;
      for (uint32_t t = 0; t < text.size() && ok; ++t) {
        const uint32_t o = doc->ToOriginal(t);
        ok = o >= previous && o < original.size();
        // A visible ASCII character comes from the same character, or from
        // a character reference (which maps to its '&').
        const char c = text[t];
        if (ok && c > ' ' && c < 0x7F) ok = original[o] == c || original[o] == '&';
        previous = o;
      }
      CHECK(ok);
      ++checked;
    }
  }
  CHECK(checked == 4500);
}

TEST_CASE("ReadDocument stays linear on pathological Markdown and HTML", "[document]") {
  // Each of these once made naive converters quadratic or overflow the stack.
  const std::vector<std::string> inputs = {
      std::string(100000, '[') + std::string(100000, ']') + "\n\n[x]: y",
      std::string(100000, '*'),
      std::string(50000, '<') + "a",
      [] {
        std::string s;
        for (int k = 0; k < 20000; ++k) s += "` `` ";
        return s;
      }(),
      [] {
        std::string s;
        for (int k = 0; k < 20000; ++k) s += "<a title=\"x ";
        return s;
      }(),
      [] {
        std::string s;
        for (int k = 0; k < 20000; ++k) s += "[a](b ";
        return s;
      }(),
      std::string(100000, '>') + "deep",
  };
  for (const std::string& input : inputs) {
    for (InputFormat format : {InputFormat::kMarkdown, InputFormat::kHtml}) {
      ReadOptions options;
      options.format = format;
      CHECK(ReadDocument("big", input, options).ok());
    }
  }
}

TEST_CASE("Locate with a line hint agrees with Locate, in any order", "[document]") {
  // Lines of every length, blank ones among them, in a Markdown draft (so
  // text and original offsets differ) and in plain text.
  std::string text;
  std::mt19937 rng(7);
  for (int line = 0; line < 400; ++line) {
    text += std::string(rng() % 90, 'x');
    text += rng() % 5 == 0 ? "\n\n" : "\n";
  }
  for (const char* name : {"draft.txt", "draft.md"}) {
    Result<Document> doc = ReadDocument(name, "# Title\n\n" + text, ReadOptions{});
    REQUIRE(doc.ok());
    const auto size = static_cast<uint32_t>(doc->text().size());
    std::vector<uint32_t> offsets;
    for (int k = 0; k < 2000; ++k) offsets.push_back(static_cast<uint32_t>(rng() % (size + 1)));
    for (bool sorted : {true, false}) {
      if (sorted) std::sort(offsets.begin(), offsets.end());
      else std::shuffle(offsets.begin(), offsets.end(), rng);
      size_t hint = 0;
      for (uint32_t at : offsets) {
        INFO(name << " offset " << at << (sorted ? " (sorted)" : " (shuffled)"));
        const LineColumn expected = doc->Locate(at);
        const LineColumn got = doc->Locate(at, &hint);
        CHECK(got.line == expected.line);
        CHECK(got.column == expected.column);
      }
    }
  }
}

TEST_CASE("ToOriginal and LineColumnOf with a hint agree with them, in any order", "[document]") {
  // Many offset runs (HTML tags and entities, Markdown markup, a BOM and
  // CRLF line ends), offsets before the first run and at the text's end.
  std::string html = "<html><body>";
  std::string markdown = "\xEF\xBB\xBF# Title\r\n\r\n";
  std::mt19937 rng(11);
  for (int p = 0; p < 200; ++p) {
    html += "<p>Word " + std::to_string(p) + (rng() % 2 ? " &amp; <b>bold</b> &rsquo;s" : " plain") + "</p>\n";
    markdown += "Some *emphasis* and [a link](http://x.example/" + std::to_string(p) + ")" +
                (rng() % 3 ? "\r\n\r\n" : "\r\n");
  }
  html += "</body></html>";
  for (const auto& [name, input] : {std::pair<const char*, std::string>{"draft.html", html},
                                    {"draft.md", markdown}, {"draft.txt", markdown}}) {
    Result<Document> doc = ReadDocument(name, input, ReadOptions{});
    REQUIRE(doc.ok());
    const auto size = static_cast<uint32_t>(doc->text().size());
    std::vector<uint32_t> offsets;
    for (uint32_t at = 0; at <= size + 1; ++at) offsets.push_back(at);
    for (bool sorted : {true, false}) {
      if (!sorted) std::shuffle(offsets.begin(), offsets.end(), rng);
      size_t run_hint = 0, line_hint = 0;
      for (uint32_t at : offsets) {
        INFO(name << " offset " << at << (sorted ? " (sorted)" : " (shuffled)"));
        const uint32_t expected = doc->ToOriginal(at);
        REQUIRE(doc->ToOriginal(at, &run_hint) == expected);
        if (at > 0) REQUIRE(doc->ToOriginalEnd(at, &run_hint) == doc->ToOriginalEnd(at));
        const LineColumn want = doc->LineColumnOf(expected);
        const LineColumn got = doc->LineColumnOf(expected, &line_hint);
        REQUIRE(got.line == want.line);
        REQUIRE(got.column == want.column);
      }
    }
  }
}

}  // namespace sourcecheck
