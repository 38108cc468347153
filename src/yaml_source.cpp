#include "yaml_source.hpp"

#include <yaml-cpp/depthguard.h>

#include <set>

namespace sourcecheck::internal {

const char* NodeTypeName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return "null";
    case YAML::NodeType::Scalar: return "a string";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Undefined: return "missing";
  }
  return "unknown";
}

YamlSource::YamlSource(const std::string& path, std::string_view text, std::vector<Diagnostic>* out)
    : path_(path), text_(text), out_(out) {
  size_t start = 0;
  while (start <= text_.size()) {
    size_t nl = text_.find('\n', start);
    if (nl == std::string_view::npos) nl = text_.size();
    std::string_view line = text_.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines_.push_back(line);
    start = nl + 1;
  }
}

std::optional<YAML::Node> YamlSource::Load() {
  try {
    return YAML::Load(std::string(text_));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp says only "bad file" when it stops at its nesting limit.
    Error(e.mark, "YAML syntax error: lists and maps nested too deeply (the YAML reader stops at " +
                      std::to_string(e.depth()) + " levels)");
  } catch (const YAML::ParserException& e) {
    Error(e.mark, "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    Error(e.mark, std::string("cannot read YAML: ") + e.what());
  }
  return std::nullopt;
}

SourceLocation YamlSource::Locate(const YAML::Mark& mark) const {
  if (mark.is_null()) return {path_, 0, 0};
  return {path_, mark.line + 1, mark.column + 1};
}

void YamlSource::Report(Severity severity, const SourceLocation& loc, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.path = loc.path.str();
  d.line = loc.line;
  d.column = loc.column;
  d.message = std::move(message);
  if (loc.line > 0 && static_cast<size_t>(loc.line) <= lines_.size())
    d.source_line = std::string(lines_[static_cast<size_t>(loc.line - 1)]);
  if (severity == Severity::kError) ++errors_;
  out_->push_back(std::move(d));
}

std::optional<std::string> YamlSource::String(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) {
    Error(node, "'" + key + "' must be a string, not " + NodeTypeName(node));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> YamlSource::Bool(const YAML::Node& node, const std::string& key) {
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    Error(node, "'" + key + "' must be true or false, not " +
                    (node.IsScalar() ? "'" + node.Scalar() + "'" : NodeTypeName(node)));
    return std::nullopt;
  }
  return value;
}

std::optional<double> YamlSource::Number(const YAML::Node& node, const std::string& key) {
  double value = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
    Error(node, "'" + key + "' must be a number, not " +
                    (node.IsScalar() ? "'" + node.Scalar() + "'" : NodeTypeName(node)));
    return std::nullopt;
  }
  return value;
}

void YamlSource::CheckKeys(const YAML::Node& map, const std::vector<std::string>& allowed,
                           const char* what) {
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      Error(key, std::string("a key in ") + what + " must be a string");
      continue;
    }
    const std::string& k = key.Scalar();
    if (!seen.insert(k).second) {
      Error(key, "duplicate key '" + k + "'");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    const std::string guess = DidYouMean(k, allowed);
    Error(key, "unknown key '" + k + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
  }
}

}  // namespace sourcecheck::internal
