// A YAML file being read: located diagnostics and checked scalar reads,
// shared by the lexicon and scoring loaders. yaml-cpp's marks are 0-based;
// the diagnostics are 1-based.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck::internal {

// "null", "a string", "a list", "a map".
const char* NodeTypeName(const YAML::Node& node);

class YamlSource {
 public:
  // `text` must outlive this object (`path` is copied); diagnostics go to
  // *out.
  YamlSource(const std::string& path, std::string_view text, std::vector<Diagnostic>* out);

  const std::string& path() const { return path_.str(); }
  std::string_view text() const { return text_; }

  // Parses the text; a syntax error is reported and gives nullopt.
  std::optional<YAML::Node> Load();

  SourceLocation Locate(const YAML::Mark& mark) const;
  // A 1-based position in this file.
  SourceLocation At(int line, int column) const { return {path_, line, column}; }
  void Report(Severity severity, const SourceLocation& loc, std::string message);
  void Error(const YAML::Node& at, std::string message) {
    Report(Severity::kError, Locate(at.Mark()), std::move(message));
  }
  void Error(const YAML::Mark& at, std::string message) {
    Report(Severity::kError, Locate(at), std::move(message));
  }
  // Errors reported through this source so far.
  size_t error_count() const { return errors_; }

  // Checked reads: each reports and returns nullopt when the node does not
  // hold the type.
  std::optional<std::string> String(const YAML::Node& node, const std::string& key);
  std::optional<bool> Bool(const YAML::Node& node, const std::string& key);
  std::optional<double> Number(const YAML::Node& node, const std::string& key);

  // Reports duplicate keys and keys not in `allowed` ("did you mean").
  // Keys in `misplaced` get `misplaced_message(key)` instead.
  void CheckKeys(const YAML::Node& map, const std::vector<std::string>& allowed, const char* what);

 private:
  SharedPath path_;  // as every location of this file holds it
  std::string_view text_;
  std::vector<std::string_view> lines_;
  std::vector<Diagnostic>* out_;
  size_t errors_ = 0;
};

}  // namespace sourcecheck::internal
