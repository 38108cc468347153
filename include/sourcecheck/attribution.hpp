// Attribution: who is speaking, what kind of source it is, and through whom
// it reached us.
//
// Attribute() reads the text engine's output (tokens, sentences, quotations,
// cues) and turns the document into claims. A claim is a sentence, or the
// sentences of one direct quotation that starts in an attributing sentence.
// Each claim carries its attributions: the cue ("said", "according to",
// "reportedly"), the source phrase with its title and apposition ("former
// Obama administration official Evan Medeiros"), the source's kind, the
// outlet it was relayed through (`via`: "cited by The Wall Street Journal",
// "told the Journal", "..., the Journal reported"), what a pronoun or
// description refers to ("he" -> "Xi Jinping"; "the report" -> the outlet
// named before), and whether the words are quoted.
//
// Thread safety: Attribute() is a pure function.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/claim.hpp"

namespace sourcecheck {

// Attributes every claim of a document analysed by `analyzer`.
std::vector<Claim> Attribute(const Analyzer& analyzer, const Document& document,
                             const Analysis& analysis);

}  // namespace sourcecheck
