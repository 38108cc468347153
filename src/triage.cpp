#include "sourcecheck/triage.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "embedded_lexicons.hpp"
#include "sourcecheck/report.hpp"
#include "yaml_source.hpp"

namespace sourcecheck {

namespace {

using nlohmann::ordered_json;

struct Weight {
  const char* key;
  double TriageModel::*field;
};
const Weight kWeights[] = {
    {"weak", &TriageModel::weak},
    {"anonymous", &TriageModel::anonymous},
    {"single_source", &TriageModel::single_source},
    {"hedges", &TriageModel::hedges},
    {"outlets", &TriageModel::outlets},
};

double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// At most `limit` bytes of `s`, cut at a UTF-8 character boundary, with
// line breaks as spaces.
std::string Excerpt(std::string_view s, size_t limit) {
  std::string out;
  if (s.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    out = std::string(s.substr(0, cut)) + "...";
  } else {
    out = std::string(s);
  }
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

void TriageModel::Read(const std::string& path, std::string_view yaml, std::vector<Diagnostic>* out) {
  internal::YamlSource source(path, yaml, out);
  std::optional<YAML::Node> loaded = source.Load();
  if (!loaded) return;
  const YAML::Node root = *loaded;
  if (!root.IsMap()) {
    source.Report(Severity::kError, source.At(1, 1),
                  std::string("a triage file must be a map, not ") + internal::NodeTypeName(root));
    return;
  }
  source.CheckKeys(root, {"version", "kind", "weights", "hedge_saturation"}, "a triage file");
  if (const YAML::Node v = root["version"]) {
    std::optional<double> n = source.Number(v, "version");
    if (n && *n != 1) source.Error(v, "unsupported triage version " + v.Scalar() + " (this sourcecheck reads version 1)");
  } else {
    source.Error(root, "missing required key 'version' (the format version: 1)");
  }
  if (const YAML::Node k = root["kind"]) {
    std::optional<std::string> s = source.String(k, "kind");
    if (s && *s != "triage") source.Error(k, "'kind' must be 'triage', not '" + *s + "'");
  } else {
    source.Error(root, "missing required key 'kind' (triage)");
  }
  if (const YAML::Node w = root["weights"]) {
    if (!w.IsMap()) {
      source.Error(w, std::string("'weights' must be a map, not ") + internal::NodeTypeName(w));
    } else {
      std::vector<std::string> keys;
      for (const Weight& k : kWeights) keys.push_back(k.key);
      source.CheckKeys(w, keys, "weights");
      for (const Weight& k : kWeights) {
        const YAML::Node value = w[k.key];
        if (!value) continue;
        std::optional<double> n = source.Number(value, k.key);
        if (!n) continue;
        if (!(*n >= 0 && *n <= 1)) {
          source.Error(value, std::string("'") + k.key + "' must be from 0 to 1, not " + value.Scalar());
          continue;
        }
        this->*(k.field) = *n;
      }
    }
  }
  if (const YAML::Node h = root["hedge_saturation"]) {
    std::optional<double> n = source.Number(h, "hedge_saturation");
    if (n && !(*n > 0 && *n <= 100)) source.Error(h, "'hedge_saturation' must be above 0, at most 100");
    else if (n) hedge_saturation = *n;
  }
}

const TriageModel& TriageModel::Default() {
  static const TriageModel model = [] {
    Result<TriageModel> loaded = Load({});
    // The embedded file is validated at build time (src/tools/lexgen.cpp).
    return loaded.ok() ? std::move(loaded).value() : TriageModel{};
  }();
  return model;
}

Result<TriageModel> TriageModel::Load(const std::vector<std::string>& extra_dirs) {
  TriageModel model;
  std::vector<Diagnostic> diagnostics;
  for (const EmbeddedFile& f : internal::EmbeddedLexiconFiles())
    if (std::filesystem::path(f.path).filename() == "triage.yaml")
      model.Read(std::string(f.path), f.text, &diagnostics);
  for (const std::string& dir : extra_dirs) {
    const std::filesystem::path path = std::filesystem::path(dir) / "triage.yaml";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    model.Read(path.string(), text.str(), &diagnostics);
  }
  if (HasErrors(diagnostics)) return Status::Error("errors in triage.yaml", std::move(diagnostics));
  return model;
}

TriageRecord TriageError(std::string id, std::string path, std::string error) {
  TriageRecord r;
  r.id = std::move(id);
  r.path = std::move(path);
  r.ok = false;
  r.error = std::move(error);
  return r;
}

TriageRecord TriageDocument(const Analyzer& analyzer, const TriageModel& model,
                            const Document& document, std::string id, const Deadline& deadline) {
  Result<Report> built = BuildReport(analyzer, document, deadline);
  if (!built.ok()) return TriageError(std::move(id), document.path(), built.status().message());
  const Report& report = *built;
  // A pattern Boost stopped leaves the priority resting on missing cues.
  if (!report.analysis.pattern_errors.empty())
    return TriageError(std::move(id), document.path(), PatternLimitMessage(report.analysis.pattern_errors.front()));
  TriageRecord r;
  r.id = std::move(id);
  r.path = document.path();
  const Summary& s = report.summary;
  r.claims = static_cast<int>(report.claims.size());
  std::copy(std::begin(s.claims_by_tier), std::end(s.claims_by_tier), std::begin(r.claims_by_tier));
  r.attributed_share = s.attributed_share;
  r.anonymous_share = s.anonymous_share;
  r.hedges_per_100_words = s.hedges_per_100_words;
  r.score = s.score;
  for (const auto& flag : s.flags) r.flags.push_back(flag.first);

  // Single-source dependence and reliance on other outlets, over the
  // attributed claims.
  std::map<std::string, int> per_source;
  int attributed = 0, via_outlet = 0;
  const std::string& text = document.text();
  for (const Claim& c : report.claims) {
    const Attribution* a = PrimaryAttribution(c);
    if (!a) continue;
    ++attributed;
    const std::string name = a->refers_to.empty()
                                 ? NormalizeToken(text.substr(a->source.begin, a->source.end - a->source.begin))
                                 : a->refers_to;
    ++per_source[name];
    if (a->kind == SourceKind::kOutlet || !a->via.empty()) ++via_outlet;
  }
  int most = 0;
  for (const auto& [name, n] : per_source) most = std::max(most, n);
  r.single_source_share = attributed > 0 ? static_cast<double>(most) / attributed : 0;
  r.outlet_share = attributed > 0 ? static_cast<double>(via_outlet) / attributed : 0;
  // A document with one attributed claim is not "single-source dependent"
  // in any useful sense: the signal needs at least two.
  const double single = attributed >= 2 ? r.single_source_share : 0;

  const int weak = s.claims_by_tier[static_cast<int>(Tier::kWeak)] +
                   s.claims_by_tier[static_cast<int>(Tier::kVeryWeak)];
  const double weak_share = r.claims > 0 ? static_cast<double>(weak) / r.claims : 0;
  const double hedge_signal = std::min(1.0, s.hedges_per_100_words / model.hedge_saturation);
  const double total = model.weak + model.anonymous + model.single_source + model.hedges + model.outlets;
  const double raw = model.weak * weak_share + model.anonymous * r.anonymous_share +
                     model.single_source * single + model.hedges * hedge_signal +
                     model.outlets * r.outlet_share;
  r.priority = total > 0 ? Round3(100.0 * raw / total) : 0;

  // The worst claims: lowest tier first (very weak before weak ...), the
  // unattributed ones only when nothing else is below moderate.
  std::vector<const Claim*> order;
  for (const Claim& c : report.claims)
    if (c.tier == Tier::kWeak || c.tier == Tier::kVeryWeak) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const Claim* a, const Claim* b) { return a->score < b->score; });
  for (size_t i = 0; i < order.size() && i < 3; ++i) {
    const Claim& c = *order[i];
    WorstClaim w;
    w.id = static_cast<uint32_t>(&c - report.claims.data()) + 1;
    w.line = document.Locate(c.span.begin).line;
    w.tier = c.tier;
    w.score = c.score;
    w.text = Excerpt(std::string_view(text).substr(c.span.begin, c.span.end - c.span.begin), 300);
    w.reason = c.reasons.empty() ? "" : c.reasons.front();
    r.worst.push_back(std::move(w));
  }
  return r;
}

std::string TriageJson(const TriageRecord& r) {
  ordered_json j;
  j["id"] = r.id;
  j["path"] = r.path;
  j["status"] = r.ok ? "ok" : "error";
  if (!r.ok) {
    j["error"] = r.error;
    j["priority"] = nullptr;
  } else {
    j["priority"] = r.priority;
    ordered_json summary;
    summary["claims"] = r.claims;
    ordered_json tiers;
    for (int t = 0; t < kTierCount; ++t) tiers[TierName(static_cast<Tier>(t))] = r.claims_by_tier[t];
    summary["claims_by_tier"] = std::move(tiers);
    summary["attributed_share"] = Round3(r.attributed_share);
    summary["anonymous_share"] = Round3(r.anonymous_share);
    summary["single_source_share"] = Round3(r.single_source_share);
    summary["outlet_share"] = Round3(r.outlet_share);
    summary["hedges_per_100_words"] = Round3(r.hedges_per_100_words);
    summary["score"] = r.score;
    summary["flags"] = r.flags;
    j["summary"] = std::move(summary);
    ordered_json worst = ordered_json::array();
    for (const WorstClaim& w : r.worst)
      worst.push_back({{"id", w.id},
                       {"line", w.line},
                       {"tier", TierName(w.tier)},
                       {"score", w.score},
                       {"text", w.text},
                       {"reason", w.reason}});
    j["worst_claims"] = std::move(worst);
  }
  j["fields"] = ordered_json::parse(r.fields, nullptr, false);
  if (j["fields"].is_discarded()) j["fields"] = ordered_json::object();
  // Invalid UTF-8 in a field cannot reach here (inputs are checked), but a
  // record must never fail to print: replace rather than throw.
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string TriageCsvHeader() {
  return "rank,id,path,status,priority,score,claims,weak,very_weak,attributed_share,"
         "anonymous_share,single_source_share,outlet_share,hedges_per_100_words,error\n";
}

std::string TriageCsvRow(size_t rank, const TriageRecord& r) {
  std::string row = std::to_string(rank) + "," + CsvField(r.id) + "," + CsvField(r.path) + "," +
                    (r.ok ? "ok" : "error") + ",";
  if (r.ok) {
    row += Fixed(r.priority, 1) + "," + std::to_string(r.score) + "," + std::to_string(r.claims) + "," +
           std::to_string(r.claims_by_tier[static_cast<int>(Tier::kWeak)]) + "," +
           std::to_string(r.claims_by_tier[static_cast<int>(Tier::kVeryWeak)]) + "," +
           Fixed(r.attributed_share, 3) + "," + Fixed(r.anonymous_share, 3) + "," +
           Fixed(r.single_source_share, 3) + "," + Fixed(r.outlet_share, 3) + "," +
           Fixed(r.hedges_per_100_words, 3) + ",";
  } else {
    row += ",,,,,,,,,," + CsvField(r.error);
  }
  return row + "\n";
}

bool RanksBefore(const TriageRecord& a, size_t a_index, const TriageRecord& b, size_t b_index) {
  if (a.ok != b.ok) return a.ok;
  if (a.ok && a.priority != b.priority) return a.priority > b.priority;
  return a_index < b_index;
}

}  // namespace sourcecheck
