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
// The source of a verb is found from the words before it: its subject past
// auxiliaries, negations and times ("he did not say", "Costa on Tuesday
// said"); the subject shared by a participle or a coordinated verb (",
// saying", "and added"); the antecedent of a relative pronoun ("the union,
// which said"); the agent of a passive ("was criticized by X"), or no one
// ("when asked"); the possessor of a claim noun ("his claim that"). A verb
// after "to" attributes nothing, nor does a noun or modifier after an
// article ("the reports said", "pledged delegates"), unless it heads a claim
// of no one named ("amid calls for his resignation").
// An attribution inside another's content ("Costa said the ministry wants
// ...", "..., according to two officials") belongs to the outer source and
// is not listed; an outlet that relays ("..., the Journal reported") keeps
// the attributions before it, as their relay.
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
// The same into *claims, whose elements are reused: a caller that attributes
// section after section with one vector allocates (almost) nothing per claim.
// A reused claim's reasons are left for Score, which writes over them (in
// their strings) and drops the rest: score what this attributes before
// reading its reasons.
void Attribute(const Analyzer& analyzer, const Document& document, const Analysis& analysis,
               std::vector<Claim>* claims);

}  // namespace sourcecheck
