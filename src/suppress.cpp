#include "sourcecheck/suppress.hpp"

#include <algorithm>
#include <cstring>

namespace sourcecheck {

namespace {

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The content of an HTML comment is the marker, spaces around it allowed.
bool IsMarkerComment(std::string_view inner) { return Trim(inner) == kDisableNextLine; }

}  // namespace

bool HasSuppressionMarker(std::string_view text) {
  return ::memmem(text.data(), text.size(), kDisableNextLine.data(), kDisableNextLine.size()) != nullptr;
}

bool IsSuppressionMarkerLine(std::string_view line) {
  line = Trim(line);
  if (line.size() > 1 && line.front() == '#') return Trim(line.substr(1)) == kDisableNextLine;
  if (line.size() >= 7 && line.substr(0, 4) == "<!--" && line.substr(line.size() - 3) == "-->")
    return IsMarkerComment(line.substr(4, line.size() - 7));
  return false;
}

std::vector<SuppressionMarker> FindSuppressionMarkers(const Document& document) {
  std::vector<SuppressionMarker> markers;
  const std::string& original = document.original();
  if (!HasSuppressionMarker(original)) return markers;
  if (document.format() == InputFormat::kText) {
    // Lines, as the editor sees them (CRLF and lone CR end lines too).
    const uint32_t last = document.LineColumnOf(static_cast<uint32_t>(original.size())).line;
    for (uint32_t line = 1; line <= last; ++line) {
      const std::string_view text = document.OriginalLine(line);
      if (!IsSuppressionMarkerLine(text)) continue;
      const size_t indent = text.find_first_not_of(" \t");
      markers.push_back({{line, static_cast<uint32_t>(indent) + 1}, line});
    }
    return markers;
  }
  // Markdown and HTML: comments. A comment that is not a marker is skipped
  // whole, so a marker quoted inside another comment does not count.
  size_t at = 0;
  while ((at = original.find("<!--", at)) != std::string::npos) {
    const size_t close = original.find("-->", at + 4);
    if (close == std::string::npos) break;
    if (IsMarkerComment(std::string_view(original).substr(at + 4, close - at - 4))) {
      const LineColumn begin = document.LineColumnOf(static_cast<uint32_t>(at));
      const LineColumn end = document.LineColumnOf(static_cast<uint32_t>(close));
      markers.push_back({begin, end.line});
    }
    at = close + 3;
  }
  return markers;
}

Suppressor::Suppressor(const Document& document)
    : document_(&document), markers_(FindSuppressionMarkers(document)), used_(markers_.size(), false) {
  std::stable_sort(markers_.begin(), markers_.end(),
                   [](const SuppressionMarker& a, const SuppressionMarker& b) { return a.end_line < b.end_line; });
}

void Suppressor::Apply(std::vector<Claim>* claims) {
  if (markers_.empty()) return;
  for (Claim& c : *claims) {
    const uint32_t line = document_->Locate(c.span.begin).line;
    if (line < 2) continue;
    // Markers ending on the line before; found by search, so a draft with
    // many markers and many claims stays linear.
    auto it = std::lower_bound(markers_.begin(), markers_.end(), line - 1,
                               [](const SuppressionMarker& m, uint32_t l) { return m.end_line < l; });
    for (; it != markers_.end() && it->end_line == line - 1; ++it) {
      c.suppressed = true;
      used_[static_cast<size_t>(it - markers_.begin())] = true;
    }
  }
}

std::vector<Diagnostic> Suppressor::Unused() const {
  std::vector<Diagnostic> unused;
  for (size_t i = 0; i < markers_.size(); ++i) {
    if (used_[i]) continue;
    const SuppressionMarker& m = markers_[i];
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.path = document_->path();
    d.line = static_cast<int>(m.at.line);
    d.column = static_cast<int>(m.at.column);
    d.message = std::string(kDisableNextLine) + ": no claim starts on the next line";
    d.source_line = std::string(document_->OriginalLine(m.at.line));
    unused.push_back(std::move(d));
  }
  // In the order of the markers in the draft.
  std::stable_sort(unused.begin(), unused.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return unused;
}

std::vector<Diagnostic> ApplySuppressions(Report* report) {
  Suppressor suppressor(*report->document);
  suppressor.Apply(&report->claims);
  return suppressor.Unused();
}

}  // namespace sourcecheck
