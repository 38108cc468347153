// The terminal report: summary first, then each listed claim.
#include <algorithm>
#include <cmath>
#include <span>

#include "render_common.hpp"

namespace sourcecheck {

namespace {

using internal::Mark;

constexpr int kMinWidth = 40;
constexpr int kIndent = 4;  // claims' sentences, reasons and advice

// ANSI styles; every one is empty without colour, so the same code writes
// both forms.
struct Style {
  explicit Style(bool on) : color(on) {}
  bool color;
  std::string Wrap(std::string_view code, std::string_view text) const {
    if (!color) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

const char* TierCode(Tier tier) {
  switch (tier) {
    case Tier::kStrong: return "32";
    case Tier::kModerate: return "36";
    case Tier::kWeak: return "33";
    case Tier::kVeryWeak: return "31";
    case Tier::kUnattributed: return "35";
  }
  return "0";
}

const char* MarkCode(Mark mark) {
  switch (mark) {
    case Mark::kSource: return "1;4";
    case Mark::kVia: return "4;34";
    case Mark::kCue: return "4;36";
    case Mark::kHedge: return "1;33";
    case Mark::kNone: return "0";
  }
  return "0";
}

// Without colour, marks are drawn on a line under the text, as compilers
// underline the words they mean.
char MarkChar(Mark mark) {
  switch (mark) {
    case Mark::kSource: return '^';
    case Mark::kVia: return '=';
    case Mark::kCue: return '-';
    case Mark::kHedge: return '~';
    case Mark::kNone: return ' ';
  }
  return ' ';
}

const char* ScoreCode(int score) {
  if (score >= 80) return "1;32";
  if (score >= 60) return "1;36";
  if (score >= 40) return "1;33";
  return "1;31";
}

// One character cell of a line being wrapped: a code point, with any
// combining marks after it, of Cells::text. Cells are small values that
// point into the text rather than hold their bytes: a long report wraps
// millions of them.
struct Cell {
  uint32_t begin = 0;  // in Cells::text
  uint32_t size = 0;   // bytes
  uint8_t width = 1;
  Mark mark = Mark::kNone;
};

// The cells of some marked text, over that text.
struct Cells {
  std::string text;
  std::vector<Cell> cells;

  std::string_view Bytes(const Cell& c) const { return std::string_view(text).substr(c.begin, c.size); }
  // A cell that is exactly the character `ch` (no combining mark after it).
  bool Is(const Cell& c, char ch) const { return c.size == 1 && text[c.begin] == ch; }
};

// A line of wrapped cells: a run of the cells wrapped, which it points into.
using Line = std::span<const Cell>;

// Greedy word wrap of cells into lines of at most `width` columns; a word
// longer than a line is cut. A line is a run of consecutive cells: the
// spaces dropped are those where a line breaks, and the part of a word
// carried to the next line after a hyphen is the end of the line before.
std::vector<Line> WrapCells(const Cells& all, int width) {
  const std::vector<Cell>& cells = all.cells;
  std::vector<Line> lines;
  size_t begin = 0, end = 0;  // the line being filled: cells[begin, end)
  auto push = [&](size_t i) {
    if (begin == end) begin = i;
    end = i + 1;
  };
  auto close = [&](size_t last) {
    lines.emplace_back(cells.data() + begin, last - begin);
    begin = end = last;
  };
  int used = 0;
  size_t i = 0;
  while (i < cells.size()) {
    if (all.Is(cells[i], ' ')) {
      // A space is kept only between words on one line.
      size_t j = i + 1;
      int word = 0;
      while (j < cells.size() && !all.Is(cells[j], ' ')) word += cells[j++].width;
      if (used > 0 && used + 1 + std::min(word, width) > width) {
        close(end);
        used = 0;
      } else if (used > 0) {
        push(i);
        ++used;
      }
      ++i;
      continue;
    }
    if (used + cells[i].width > width && used > 0) {
      // A word longer than a line is cut after its last hyphen that fits,
      // else where the line ends.
      size_t cut = end;
      while (cut > begin && !all.Is(cells[cut - 1], ' ') && !all.Is(cells[cut - 1], '-')) --cut;
      if (cut > begin && all.Is(cells[cut - 1], '-') && cut < end) {
        const size_t carried_end = end;
        close(cut);
        end = carried_end;  // the carried cells open the next line
      } else {
        close(end);
      }
      used = 0;
      for (size_t k = begin; k < end; ++k) used += cells[k].width;
    }
    push(i);
    used += cells[i].width;
    ++i;
  }
  close(end);
  return lines;
}

Cells ToCells(const std::vector<std::pair<std::string, Mark>>& pieces) {
  Cells out;
  size_t total = 0;
  for (const auto& piece : pieces) total += piece.first.size();
  out.text.reserve(total);
  out.cells.reserve(total);
  for (const auto& [text, mark] : pieces) {
    const auto base = static_cast<uint32_t>(out.text.size());
    out.text += text;
    for (size_t i = 0; i < text.size();) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const size_t n = std::min(internal::Utf8SequenceLength(lead), text.size() - i);
      // ASCII, most of a text, without the table of wide and combining
      // ranges: a printable character is one column, a control none.
      const int width = lead < 0x80 ? (lead >= 0x20 && lead != 0x7F ? 1 : 0)
                                     : internal::CodePointWidth(std::string_view(text).substr(i, n));
      // Combining marks join the previous cell.
      if (width == 0 && !out.cells.empty()) {
        out.cells.back().size += static_cast<uint32_t>(n);
      } else {
        out.cells.push_back({base + static_cast<uint32_t>(i), static_cast<uint32_t>(n), static_cast<uint8_t>(width), mark});
      }
      i += n;
    }
  }
  return out;
}

// Plain prose wrapped with a first-line prefix and a continuation prefix.
std::string WrapProse(std::string_view text, int width, const std::string& first, const std::string& rest,
                      const std::string& first_styled = "") {
  const Cells cells = ToCells({{internal::OneLine(text), Mark::kNone}});
  const int room = std::max(10, width - internal::DisplayWidth(first));
  std::string out;
  bool first_line = true;
  for (const Line& l : WrapCells(cells, room)) {
    out += first_line ? (first_styled.empty() ? first : first_styled) : rest;
    for (const Cell& c : l) out += cells.Bytes(c);
    out += "\n";
    first_line = false;
  }
  return out;
}

// The claim's sentence, wrapped, its cues styled (colour) or underlined by
// a marker line (no colour).
std::string RenderSentence(const Claim& claim, const std::string& text, int width, const Style& style) {
  const std::string indent(kIndent, ' ');
  std::string out;
  const Cells cells = ToCells(internal::DisplayPieces(claim, text));
  for (const Line& line : WrapCells(cells, width - kIndent)) {
    out += indent;
    if (style.color) {
      Mark current = Mark::kNone;
      for (const Cell& c : line) {
        if (c.mark != current) {
          out += current == Mark::kNone ? "" : "\x1b[0m";
          if (c.mark != Mark::kNone) out += std::string("\x1b[") + MarkCode(c.mark) + "m";
          current = c.mark;
        }
        out += cells.Bytes(c);
      }
      if (current != Mark::kNone) out += "\x1b[0m";
      out += "\n";
      continue;
    }
    std::string marks;
    for (const Cell& c : line) {
      out += cells.Bytes(c);
      marks.append(static_cast<size_t>(c.width), MarkChar(c.mark));
    }
    out += "\n";
    marks.erase(marks.find_last_not_of(' ') + 1);
    if (!marks.empty()) out += indent + marks + "\n";
  }
  return out;
}

// What the marks mean, wrapped between its items.
std::string Legend(const Style& style, int width) {
  const std::pair<Mark, const char*> items[] = {
      {Mark::kSource, "source"}, {Mark::kCue, "attribution"}, {Mark::kHedge, "hedge"}, {Mark::kVia, "relayed via"}};
  std::string out = "  marks:";
  int used = 8;
  for (const auto& [mark, name] : items) {
    const std::string plain = style.color ? std::string(name) : std::string(1, MarkChar(mark)) + " " + name;
    const int w = internal::DisplayWidth(plain) + 2;
    if (used + w > width) {
      out += "\n        ";
      used = 8;
    }
    out += "  " + (style.color ? style.Wrap(MarkCode(mark), plain) : plain);
    used += w;
  }
  return out + "\n";
}

}  // namespace

std::string RenderText(const Analyzer& analyzer, const Report& report, const RenderOptions& options) {
  (void)analyzer;
  const Document& doc = *report.document;
  const Summary& s = report.summary;
  const Style style(options.color);
  const int width = std::max(kMinWidth, options.width);
  const int total = static_cast<int>(report.claims.size());
  const int suppressed = internal::CountSuppressed(report);
  std::string out;

  // The summary.
  out += style.Wrap("1", doc.path()) + ": " + internal::Plural(total, "claim", "claims");
  if (suppressed) out += " (" + std::to_string(suppressed) + " suppressed)";
  out += ", sourcing score " + style.Wrap(ScoreCode(s.score), std::to_string(s.score) + "/100") + "\n\n";
  int most = 0;
  for (int t = 0; t < kTierCount; ++t) most = std::max(most, s.claims_by_tier[t]);
  const int bar_room = std::min(30, width - 22);
  // Counts right-aligned in four columns, wider when the largest needs it
  // (1000 claims and up), so a count never runs into "unattributed".
  const size_t count_width = std::max<size_t>(4, std::to_string(most).size() + 1);
  for (int t = 0; t < kTierCount; ++t) {
    const auto tier = static_cast<Tier>(t);
    const int n = s.claims_by_tier[t];
    int bar = most ? static_cast<int>(std::lround(static_cast<double>(n) * bar_room / most)) : 0;
    if (n > 0 && bar == 0) bar = 1;
    std::string name = TierName(tier);
    name.resize(12, ' ');
    std::string count = std::to_string(n);
    count.insert(0, count_width - count.size(), ' ');
    std::string blocks;
    for (int i = 0; i < bar; ++i) blocks += "\u2588";
    out += "  " + style.Wrap(TierCode(tier), name) + count + (bar ? "  " + style.Wrap(TierCode(tier), blocks) : "") +
           "\n";
  }
  out += "\n";
  const int attributed = static_cast<int>(std::lround(s.attributed_share * total));
  auto fact = [&](const char* label, const std::string& value) {
    std::string head = std::string("  ") + label;
    head.resize(14, ' ');
    out += WrapProse(value, width, head, std::string(14, ' '));
  };
  fact("attributed", internal::Percent(s.attributed_share) + " of claims (" + std::to_string(attributed) + " of " +
                         std::to_string(total) + ")");
  fact("anonymous", internal::Percent(s.anonymous_share) + " of attributed claims");
  fact("sources", std::to_string(s.named_sources) + " named, " + std::to_string(s.unnamed_sources) + " unnamed");
  std::string outlets;
  for (const auto& [name, n] : s.outlets)
    outlets += (outlets.empty() ? "" : ", ") + name + " (" + internal::Plural(n, "claim", "claims") + ")";
  fact("outlets", outlets.empty() ? "none" : outlets);
  fact("hedges", std::to_string(s.hedges) + " of the writer's own (" + internal::OneDecimal(s.hedges_per_100_words) +
                     " per 100 words)");
  if (!s.flags.empty()) out += "\n";
  for (const auto& [id, message] : s.flags)
    out += WrapProse(message + " [" + id + "]", width, "  warning: ", "    ", "  " + style.Wrap("1;35", "warning:") + " ");
  if (options.fail_on) {
    const int failing = CountAtOrBelow(report, *options.fail_on);
    const std::string what = std::string("--fail-on ") + TierName(*options.fail_on) + ": ";
    out += "\n";
    if (failing)
      out += "  " + style.Wrap("1;31", what + internal::Plural(failing, "claim", "claims") + " at or below it") + "\n";
    else
      out += "  " + style.Wrap("1;32", what + "no claim at or below it") + "\n";
  }

  // The claims.
  const int listed = internal::CountListed(report, options);
  out += "\n";
  if (listed == 0) {
    out += "  no claims " + internal::ListedPhrase(options.min_tier) + "\n";
    return out;
  }
  out += "  " + internal::Plural(listed, "claim", "claims") + " " + internal::ListedPhrase(options.min_tier) + "\n";
  out += Legend(style, width);
  const std::string indent(kIndent, ' ');
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    if (!IsListed(c, options)) continue;
    const LineColumn at = doc.Locate(c.span.begin);
    out += '\n';
    out += style.Wrap("1", doc.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ":") +
           " claim " + std::to_string(i + 1) + ", " + style.Wrap(std::string("1;") + TierCode(c.tier), TierName(c.tier)) +
           " (" + std::to_string(c.score) + ")\n";
    out += RenderSentence(c, doc.text(), width, style);
    for (const std::string& r : c.reasons) out += WrapProse(r, width, indent + "- ", indent + "  ");
    if (!c.advice.empty())
      out += WrapProse(c.advice, width, indent + "advice: ", indent + "  ",
                       indent + style.Wrap("1", "advice:") + " ");
  }
  return out;
}

}  // namespace sourcecheck
