// A program outside the project: links the installed library through
// find_package(sourcecheck) and rates one claim.
#include <sourcecheck/report.hpp>

#include <iostream>

int main() {
  sourcecheck::Result<sourcecheck::Analyzer> analyzer = sourcecheck::Analyzer::Load({});
  if (!analyzer.ok()) return 1;
  const std::string text = "Sources said the talks had collapsed.";
  const sourcecheck::Document doc =
      sourcecheck::Document::FromParts("claim.txt", sourcecheck::InputFormat::kText, text, text, {});
  const sourcecheck::Report report = sourcecheck::BuildReport(*analyzer, doc);
  std::cout << sourcecheck::TierName(report.claims.at(0).tier) << "\n";
  return 0;
}
