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
    out += "    ";
    out += d.source_line;
    out += '\n';
    // The caret sits under the column; tabs in the source line are kept so
    // the caret lines up in a terminal that expands them.
    out += "    ";
    const int col = std::max(d.column, 1);
    for (int i = 1; i < col && static_cast<size_t>(i - 1) < d.source_line.size(); ++i) {
      out += d.source_line[static_cast<size_t>(i - 1)] == '\t' ? '\t' : ' ';
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
