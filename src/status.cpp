#include "sourcecheck/status.hpp"

#include <algorithm>

namespace sourcecheck {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.path;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += ": ";
  out += SeverityName(d.severity);
  out += ": ";
  out += d.message;
  out += '\n';
  if (!d.source_line.empty() && d.line > 0) {
    // A long line is shown as a window around the column, so the caret
    // stays on screen.
    constexpr size_t kWindow = 50;
    std::string_view line = d.source_line;
    // A column past the end of the line (a YAML mark counted in decoded
    // characters, a line cut short) puts the caret just after the line.
    size_t col = std::min(static_cast<size_t>(std::max(d.column, 1)) - 1, line.size());
    std::string prefix = "    ";
    std::string shown;
    if (line.size() > 2 * kWindow + 20) {
      size_t from = col > kWindow ? col - kWindow : 0;
      size_t to = std::min(line.size(), from + 2 * kWindow);
      // Never cut a UTF-8 sequence.
      while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
      while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
      shown = (from > 0 ? "..." : "") + std::string(line.substr(from, to - from)) +
              (to < line.size() ? "..." : "");
      col = col - from + (from > 0 ? 3 : 0);
    } else {
      shown = std::string(line);
    }
    out += prefix + shown + "\n" + prefix;
    // One space per character (not per byte); tabs are kept so the caret
    // lines up in a terminal that expands them.
    for (size_t i = 0; i < col && i < shown.size(); ++i) {
      const auto c = static_cast<unsigned char>(shown[i]);
      if ((c & 0xC0) == 0x80) continue;
      out += c == '\t' ? '\t' : ' ';
    }
    out += "^\n";
  }
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += FormatDiagnostic(d);
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::string Status::ToString() const {
  if (diagnostics_.empty()) return message_;
  return FormatDiagnostics(diagnostics_);
}

}  // namespace sourcecheck
