// Status, Result<T> and located diagnostics.
//
// No exception crosses sourcecheck's public API. Functions that can fail
// return a Status (or a Result<T>, which carries a value or a Status); the
// caller checks ok() before using the value. Problems in user assets
// (lexicons, drafts) are reported as Diagnostics located by path, 1-based line
// and column, printed in the form compilers use:
//
//   lexicons/hedges.yaml:14:5: error: unknown key 'weigth' (did you mean 'weight'?)
//       weigth: 0.4
//       ^
//
// All types here are plain values; they are safe to copy between threads.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sourcecheck {

enum class Severity { kError, kWarning, kNote };

// Returns "error", "warning" or "note".
const char* SeverityName(Severity severity);

// One located problem. line and column are 1-based; 0 means unknown (the
// message then names only the path). source_line, when not empty, is the text
// of that line in the file and is printed under the message with a caret.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
  std::string source_line;
};

// Formats one diagnostic as "path:line:col: severity: message", followed,
// when source_line is known, by the source line and a caret under the column.
// Ends with a newline.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// Formats every diagnostic in order (see FormatDiagnostic).
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics);

// True when any diagnostic is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

// The outcome of an operation: ok, or an error message (possibly with the
// located diagnostics that explain it).
class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status Error(std::string message) {
    Status s;
    s.ok_ = false;
    s.message_ = std::move(message);
    return s;
  }
  static Status Error(std::string message, std::vector<Diagnostic> diagnostics) {
    Status s = Error(std::move(message));
    s.diagnostics_ = std::move(diagnostics);
    return s;
  }

  bool ok() const { return ok_; }
  // The one-line summary of the failure; empty when ok().
  const std::string& message() const { return message_; }
  // Located details of the failure, possibly empty.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  // The message, or the formatted diagnostics when there are any.
  std::string ToString() const;

 private:
  bool ok_ = true;
  std::string message_;
  std::vector<Diagnostic> diagnostics_;
};

// A value or the Status that explains its absence.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must hold an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace sourcecheck
