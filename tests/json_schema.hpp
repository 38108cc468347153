// A JSON Schema validator for the subset docs/report.schema.json uses:
// type (one or a list), enum, required, properties, additionalProperties
// (false), items, minimum, maximum. Returns the first few violations as
// "path: message" strings; empty when the instance is valid.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sourcecheck::testing {

inline bool HasType(const nlohmann::json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

inline void Validate(const nlohmann::json& schema, const nlohmann::json& v, const std::string& path,
                     std::vector<std::string>* errors) {
  if (errors->size() > 20) return;
  if (schema.contains("type")) {
    bool ok = false;
    if (schema["type"].is_array()) {
      for (const auto& t : schema["type"]) ok |= HasType(v, t.get<std::string>());
    } else {
      ok = HasType(v, schema["type"].get<std::string>());
    }
    if (!ok) {
      errors->push_back(path + ": expected type " + schema["type"].dump() + ", got " + v.dump());
      return;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found |= e == v;
    if (!found) errors->push_back(path + ": " + v.dump() + " not in " + schema["enum"].dump());
  }
  if (v.is_number()) {
    if (schema.contains("minimum") && v.get<double>() < schema["minimum"].get<double>())
      errors->push_back(path + ": " + v.dump() + " below minimum");
    if (schema.contains("maximum") && v.get<double>() > schema["maximum"].get<double>())
      errors->push_back(path + ": " + v.dump() + " above maximum");
  }
  if (v.is_object()) {
    if (schema.contains("required"))
      for (const auto& r : schema["required"])
        if (!v.contains(r.get<std::string>())) errors->push_back(path + ": missing " + r.dump());
    const nlohmann::json props = schema.value("properties", nlohmann::json::object());
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (props.contains(it.key())) {
        Validate(props[it.key()], it.value(), path + "." + it.key(), errors);
      } else if (schema.contains("additionalProperties") && schema["additionalProperties"] == false) {
        errors->push_back(path + ": unexpected property '" + it.key() + "'");
      }
    }
  }
  if (v.is_array() && schema.contains("items"))
    for (size_t i = 0; i < v.size(); ++i)
      Validate(schema["items"], v[i], path + "[" + std::to_string(i) + "]", errors);
}

inline std::vector<std::string> ValidateSchema(const nlohmann::json& schema, const nlohmann::json& v) {
  std::vector<std::string> errors;
  Validate(schema, v, "$", &errors);
  return errors;
}

}  // namespace sourcecheck::testing
