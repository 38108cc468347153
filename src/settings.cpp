#include "sourcecheck/settings.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "yaml_source.hpp"

namespace sourcecheck {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Keys() {
  static const std::vector<std::string> keys = {"version", "lexicons", "disable", "fail_on",
                                                "min_tier", "format", "color"};
  return keys;
}

std::vector<std::string> TierNames() {
  std::vector<std::string> names;
  for (int t = 0; t < kTierCount; ++t) names.push_back(TierName(static_cast<Tier>(t)));
  return names;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + words[i];
  return out;
}

std::string Suggest(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string guess = DidYouMean(word, candidates);
  return guess.empty() ? "" : " (did you mean '" + guess + "'?)";
}

// The text of 1-based line `n` of `text`, without its line break.
std::string LineOf(std::string_view text, int n) {
  size_t start = 0;
  for (int i = 1; i < n; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return "";
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

class SettingsParser {
 public:
  SettingsParser(Settings* settings, std::vector<Diagnostic>* out)
      : settings_(settings), source_(settings->path, settings->text, out) {}

  void Parse() {
    std::optional<YAML::Node> root = source_.Load();
    if (!root || root->IsNull()) return;  // a syntax error (reported), or an empty file
    if (!root->IsMap()) {
      source_.Error(*root, std::string("settings must be a map of keys (") + Join(Keys()) + "), not " +
                               internal::NodeTypeName(*root));
      return;
    }
    source_.CheckKeys(*root, Keys(), "settings");
    for (auto it = root->begin(); it != root->end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string key = it->first.Scalar();
      const YAML::Node value = it->second;
      if (key == "version") Version(value);
      else if (key == "lexicons") StringList(value, key, &settings_->lexicons);
      else if (key == "disable") StringList(value, key, &settings_->disable);
      else if (key == "fail_on") TierValue(value, key, &settings_->fail_on);
      else if (key == "min_tier") TierValue(value, key, &settings_->min_tier);
      else if (key == "format") Format(value);
      else if (key == "color") Color(value);
    }
    const fs::path base = fs::path(settings_->path).parent_path();
    for (const LocatedText& dir : settings_->lexicons) {
      const fs::path p(dir.text);
      settings_->lexicon_dirs.push_back(p.is_absolute() || base.empty() ? p.lexically_normal().string()
                                                                        : (base / p).lexically_normal().string());
    }
  }

 private:
  void Version(const YAML::Node& node) {
    std::optional<double> v = source_.Number(node, "version");
    if (v && *v != 1) source_.Error(node, "unknown settings version '" + node.Scalar() + "' (only 1 exists)");
  }

  // A list of strings, or one string for a list of one.
  void StringList(const YAML::Node& node, const std::string& key, std::vector<LocatedText>* out) {
    auto add = [&](const YAML::Node& item) {
      if (!item.IsScalar()) {
        source_.Error(item, "'" + key + "' must list strings, not " + internal::NodeTypeName(item));
        return;
      }
      if (item.Scalar().empty()) {
        source_.Error(item, "'" + key + "' lists an empty string");
        return;
      }
      out->push_back({item.Scalar(), source_.Locate(item.Mark())});
    };
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) add(item);
    } else if (node.IsScalar()) {
      add(node);
    } else {
      source_.Error(node, "'" + key + "' must be a list of strings, not " + internal::NodeTypeName(node));
    }
  }

  void TierValue(const YAML::Node& node, const std::string& key, std::optional<Tier>* out) {
    std::optional<std::string> name = source_.String(node, key);
    if (!name) return;
    Tier tier;
    if (ParseTier(*name, &tier)) {
      *out = tier;
      return;
    }
    source_.Error(node, "unknown tier '" + *name + "'" + Suggest(*name, TierNames()) +
                            "; the tiers, strongest first: " + Join(TierNames()));
  }

  void Format(const YAML::Node& node) {
    std::optional<std::string> name = source_.String(node, "format");
    if (!name) return;
    ReportFormat format;
    if (ParseReportFormat(*name, &format)) {
      settings_->format = format;
      return;
    }
    const std::vector<std::string> names = {"text", "line", "markdown", "html", "json"};
    source_.Error(node, "unknown format '" + *name + "'" + Suggest(*name, names) + "; the formats: " + Join(names));
  }

  void Color(const YAML::Node& node) {
    std::optional<std::string> name = source_.String(node, "color");
    if (!name) return;
    ColorMode mode;
    if (ParseColorMode(*name, &mode)) {
      settings_->color = mode;
      return;
    }
    const std::vector<std::string> names = {"auto", "always", "never"};
    source_.Error(node, "unknown color mode '" + *name + "'" + Suggest(*name, names) + "; the modes: " + Join(names));
  }

  Settings* settings_;
  internal::YamlSource source_;
};

Status SettingsError(std::vector<Diagnostic> diagnostics) {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += d.severity == Severity::kError;
  return Status::Error(std::to_string(n) + (n == 1 ? " error" : " errors") + " in settings", std::move(diagnostics));
}

Diagnostic Located(const Settings& settings, const SourceLocation& at, std::string message) {
  return {Severity::kError, at.path.str(), at.line, at.column, std::move(message), LineOf(settings.text, at.line)};
}

}  // namespace

std::string FindSettingsFile(const std::string& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory, ec).lexically_normal();
  if (ec) return "";
  if (dir.filename().empty()) dir = dir.parent_path();  // "/a/b/" -> "/a/b"
  fs::path up;
  while (true) {
    if (fs::is_regular_file(dir / kSettingsFileName, ec))
      return (fs::path(directory) / up / kSettingsFileName).lexically_normal().string();
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return "";
    dir = parent;
    up /= "..";
  }
}

Result<Settings> ParseSettings(const std::string& path, std::string_view yaml) {
  Settings settings;
  settings.path = path;
  settings.text = std::string(yaml);
  std::vector<Diagnostic> diagnostics;
  SettingsParser(&settings, &diagnostics).Parse();
  if (HasErrors(diagnostics)) return SettingsError(std::move(diagnostics));
  return settings;
}

Result<Settings> LoadSettings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  Result<Settings> settings = ParseSettings(path, buffer.str());
  if (!settings.ok()) return settings;
  std::vector<Diagnostic> diagnostics;
  for (size_t i = 0; i < settings->lexicons.size(); ++i) {
    std::error_code ec;
    const std::string& resolved = settings->lexicon_dirs[i];
    if (fs::is_directory(resolved, ec)) continue;
    const LocatedText& dir = settings->lexicons[i];
    diagnostics.push_back(Located(*settings, dir.location,
                                  "lexicon directory '" + dir.text + "' " +
                                      (fs::exists(resolved, ec) ? "is not a directory" : "does not exist") +
                                      (resolved == dir.text ? "" : " (looked for " + resolved + ")")));
  }
  if (!diagnostics.empty()) return SettingsError(std::move(diagnostics));
  return settings;
}

Result<Analyzer> LoadAnalyzer(const Settings& settings, const std::vector<std::string>& extra_dirs,
                              std::vector<Diagnostic>* diagnostics) {
  std::vector<std::string> dirs = settings.lexicon_dirs;
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  LexiconBuilder builder;
  builder.AddDefaults();
  for (const std::string& dir : dirs) builder.AddDirectory(dir);
  std::vector<Diagnostic> disabled;
  if (!settings.disable.empty()) {
    const std::vector<std::string> ids = builder.EntryIds();
    for (const LocatedText& id : settings.disable) {
      if (builder.Disable(id.text)) continue;
      disabled.push_back(Located(settings, id.location,
                                 "no lexicon entry '" + id.text + "' to disable" + Suggest(id.text, ids)));
    }
  }
  Result<Lexicon> lexicon = builder.BuildAndRelease();
  Result<ScoringModel> scoring = ScoringModel::Load(dirs);
  if (diagnostics) {
    diagnostics->insert(diagnostics->end(), builder.diagnostics().begin(), builder.diagnostics().end());
    diagnostics->insert(diagnostics->end(), disabled.begin(), disabled.end());
    if (!scoring.ok())
      diagnostics->insert(diagnostics->end(), scoring.status().diagnostics().begin(),
                          scoring.status().diagnostics().end());
  }
  if (!lexicon.ok()) return lexicon.status();
  if (!disabled.empty()) return SettingsError(std::move(disabled));
  if (!scoring.ok()) return scoring.status();
  return Analyzer::Create(std::move(lexicon).value(), scoring.value());
}

}  // namespace sourcecheck
