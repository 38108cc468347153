#include "lexicon_serialize.hpp"

#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace sourcecheck::internal {

namespace {

// Bumped whenever Entry or this encoding changes.
constexpr uint32_t kFormat = 0x53434c35;  // "SCL5"

// The layout: kFormat; the number of distinct paths and each path; the
// number of entries and each entry. A location names its path by index (a
// path written out per location was a third of the defaults' 790 KB).

class Writer {
 public:
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void F64(double v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Location(const SourceLocation& l) {
    const auto [it, added] = path_index_.emplace(l.path.str(), static_cast<uint32_t>(paths_.size()));
    if (added) paths_.push_back(l.path.str());
    U32(it->second);
    U32(static_cast<uint32_t>(l.line));
    U32(static_cast<uint32_t>(l.column));
  }
  void Texts(const std::vector<LocatedText>& texts) {
    U32(static_cast<uint32_t>(texts.size()));
    for (const LocatedText& t : texts) {
      Str(t.text);
      Location(t.location);
    }
  }
  std::string Take() { return std::move(out_); }
  // The paths the locations written so far name, by index.
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::string out_;
  std::vector<std::string> paths_;
  std::unordered_map<std::string, uint32_t> path_index_;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == data_.size(); }

  uint32_t U32() {
    uint32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  double F64() {
    double v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  // A string's bytes, viewed in the data.
  std::string_view View() {
    const uint32_t n = U32();
    if (!ok_ || n > data_.size() - pos_) {
      ok_ = false;
      return {};
    }
    const std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string Str() { return std::string(View()); }
  // Reads the table of paths the locations name.
  void Paths() {
    const uint32_t n = U32();
    if (!ok_ || n > data_.size()) {
      ok_ = false;
      return;
    }
    paths_.reserve(n);
    for (uint32_t i = 0; i < n && ok_; ++i) paths_.emplace_back(Str());
  }
  void Location(SourceLocation* l) {
    const uint32_t path = U32();
    if (path >= paths_.size()) {
      ok_ = false;
      return;
    }
    l->path = paths_[path];
    l->line = static_cast<int>(U32());
    l->column = static_cast<int>(U32());
  }
  // Reads into *out, which is empty.
  void Texts(std::vector<LocatedText>* out) {
    const uint32_t n = U32();
    if (!ok_ || n > data_.size()) {
      ok_ = false;
      return;
    }
    out->resize(n);
    for (LocatedText& t : *out) {
      t.text = View();
      Location(&t.location);
    }
  }

 private:
  void Raw(void* to, size_t n) {
    if (!ok_ || n > data_.size() - pos_) {
      ok_ = false;
      return;
    }
    std::memcpy(to, data_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::vector<SharedPath> paths_;  // by index, shared by the locations
};

}  // namespace

std::string SerializeEntries(const std::vector<Entry>& entries) {
  Writer w;  // the entries; their paths are written before them
  w.U32(static_cast<uint32_t>(entries.size()));
  for (const Entry& e : entries) {
    w.Str(e.id);
    w.Str(e.key);
    w.U32(static_cast<uint32_t>(e.family));
    w.Str(e.category);
    w.Texts(e.phrases);
    w.Texts(e.aliases);
    w.U32(e.pattern ? 1 : 0);
    if (e.pattern) w.Texts({*e.pattern});
    w.Texts(e.anchors);
    w.Texts(e.required_words);
    w.F64(e.weight);
    w.Str(e.note);
    w.U32(static_cast<uint32_t>(e.case_rule));
    w.Texts(e.not_before);
    w.Texts(e.only_before);
    w.Texts(e.only_after);
    w.Texts(e.not_after);
    w.Texts(e.examples);
    w.Texts(e.counterexamples);
    w.U32((e.unsourced ? 1u : 0u) | (e.recipient ? 2u : 0u));
    w.Str(e.gender);
    w.Location(e.location);
  }
  Writer head;
  head.U32(kFormat);
  head.U32(static_cast<uint32_t>(w.paths().size()));
  for (const std::string& path : w.paths()) head.Str(path);
  return head.Take() + w.Take();
}

bool DeserializeEntries(std::string_view data, std::vector<Entry>* out) {
  Reader r(data);
  if (r.U32() != kFormat) return false;
  r.Paths();
  const uint32_t n = r.U32();
  std::vector<Entry> entries;
  entries.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    Entry& e = entries.emplace_back();
    e.id = r.Str();
    e.key = r.Str();
    const uint32_t family = r.U32();
    if (family >= static_cast<uint32_t>(kFamilyCount)) return false;
    e.family = static_cast<Family>(family);
    e.category = r.Str();
    r.Texts(&e.phrases);
    r.Texts(&e.aliases);
    if (r.U32() == 1) {
      std::vector<LocatedText> p;
      r.Texts(&p);
      if (p.size() == 1) e.pattern = std::move(p[0]);
    }
    r.Texts(&e.anchors);
    r.Texts(&e.required_words);
    e.weight = r.F64();
    e.note = r.Str();
    const uint32_t case_rule = r.U32();
    if (case_rule > static_cast<uint32_t>(CaseRule::kLower)) return false;
    e.case_rule = static_cast<CaseRule>(case_rule);
    r.Texts(&e.not_before);
    r.Texts(&e.only_before);
    r.Texts(&e.only_after);
    r.Texts(&e.not_after);
    r.Texts(&e.examples);
    r.Texts(&e.counterexamples);
    const uint32_t flags = r.U32();
    e.unsourced = (flags & 1u) != 0;
    e.recipient = (flags & 2u) != 0;
    e.gender = r.Str();
    r.Location(&e.location);
  }
  if (!r.ok() || !r.done()) return false;
  if (out->empty()) out->swap(entries);
  else out->insert(out->end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
  return true;
}

}  // namespace sourcecheck::internal
