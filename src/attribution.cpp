#include "sourcecheck/attribution.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>
#include <vector>

namespace sourcecheck {

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kNamedPerson: return "named_person";
    case SourceKind::kOrganization: return "organization";
    case SourceKind::kDocument: return "document";
    case SourceKind::kOutlet: return "outlet";
    case SourceKind::kAnonymousDescribed: return "anonymous_described";
    case SourceKind::kAnonymousBare: return "anonymous_bare";
    case SourceKind::kVague: return "vague";
    case SourceKind::kNone: return "none";
    case SourceKind::kUnknown: return "unknown";
  }
  return "none";
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kNone: return "none";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kDirect: return "direct";
  }
  return "none";
}

namespace {

// Closed classes of English the rules need, as normalised-token hashes.
// The rules ask these sets several times per token, so a set is a small
// open-addressing table probed with the token's own 64-bit hash (already
// well mixed): one or two cache lines per question, no allocation. The
// sets are constants made at start-up rather than function-local statics,
// which cost a call and a guard test per question (over a million
// questions on a long document).
// Name part (a token hash) -> the latest person whose name holds it: an
// open-addressing table that grows, in place of a node-based map that
// allocates for every part of every name of a long document.
class PartIndex {
 public:
  int Find(uint64_t part) const {
    if (slots_.empty()) return -1;
    for (size_t i = Slot(part);; i = (i + 1) & mask_) {
      if (slots_[i].person < 0) return -1;
      if (slots_[i].part == part) return slots_[i].person;
    }
  }
  void Set(uint64_t part, int person) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Slot(part);
    while (slots_[i].person >= 0 && slots_[i].part != part) i = (i + 1) & mask_;
    if (slots_[i].person < 0) ++used_;
    slots_[i] = {part, person};
  }

 private:
  struct Entry {
    uint64_t part = 0;
    int person = -1;  // -1: empty
  };
  size_t Slot(uint64_t part) const { return static_cast<size_t>((part * 0x9E3779B97F4A7C15ull) >> 32) & mask_; }
  void Grow() {
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Entry{});
    mask_ = slots_.size() - 1;
    used_ = 0;
    for (const Entry& e : old)
      if (e.person >= 0) Set(e.part, e.person);
  }
  std::vector<Entry> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
};

class WordSet {
 public:
  WordSet(std::initializer_list<const char*> words) {
    size_t capacity = 16;
    while (capacity < words.size() * 4) capacity *= 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (const char* w : words) Insert(NormalizedHash(w));
  }
  // Inlined always: the rules ask it from functions too large for GCC to
  // inline into on its own, and the call cost as much as the probe.
  [[gnu::always_inline]] bool Contains(uint64_t hash) const {
    if (hash == 0) return has_zero_;
    for (size_t i = Slot(hash);; i = (i + 1) & mask_) {
      if (slots_[i] == hash) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  size_t Slot(uint64_t hash) const { return static_cast<size_t>(hash ^ (hash >> 29)) & mask_; }
  void Insert(uint64_t hash) {
    if (hash == 0) {
      has_zero_ = true;
      return;
    }
    size_t i = Slot(hash);
    while (slots_[i] != 0 && slots_[i] != hash) i = (i + 1) & mask_;
    slots_[i] = hash;
  }
  std::vector<uint64_t> slots_;  // 0: empty
  size_t mask_ = 0;
  bool has_zero_ = false;
};

// Words that end a source phrase when walking away from the cue.
const WordSet kBoundaries = {
    "that", "which", "who", "whom", "whose", "but", "or", "as", "because", "while", "when",
    "if", "since", "after", "before", "where", "although", "though", "is", "was", "were",
    "are", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should",
    "may", "might", "can", "must", "did", "does", "do", "not", "than", "so", "also",
    "however", "meanwhile", "yet", "then", "once", "until", "whether", "to", "into", "onto",
    "over", "under", "about", "against", "during", "through", "without", "between",
    "among", "per", "via", "like", "unlike", "despite", "amid", "by", "in", "on", "at",
    "for", "from", "with", "and", "said", "says", "say", "told", "according", "there",
    "here", "now", "today", "yesterday", "tonight", "this", "these", "those", "it", "its",
    "we", "i", "you", "us", "me", "what", "how", "why", "all", "both", "each",
    "either", "neither", "even", "only", "just", "still", "already", "instead", "too",
    "very", "more", "most", "less", "least", "no", "nor", "up", "out", "off", "down",
    "away", "back", "around", "again", "ever", "never", "always", "often", "sometimes",
    "later", "earlier", "first", "last", "next", "saying", "adding", "noting", "added",
    "wrote", "reported", "reports", "report"};

// Verbs with which a poll reports a finding, besides the reporting verbs
// ("The poll has Trump leading", "puts his approval at 49 percent").
const WordSet kPollVerbs = {
    "has", "have", "had", "puts", "put", "gives", "gave", "sees", "saw",
    "addresses", "addressed", "tells", "told"};

// Verbs whose subject receives what their object names ("faced criticism",
// "drew praise", "sparked calls for").
const WordSet kReceivingVerbs = {
    "face", "faces", "faced", "facing", "draw", "draws", "drew", "drawn",
    "drawing", "receive", "receives", "received", "receiving", "attract",
    "attracts", "attracted", "spark", "sparks", "sparked", "prompt",
    "prompts", "prompted", "provoke", "provokes", "provoked", "invite",
    "invites", "invited", "trigger", "triggers", "triggered", "endure",
    "endured", "weather", "weathered", "resist", "resists", "resisted",
    "resisting", "reject", "rejects", "rejected", "rejecting", "rebuff",
    "rebuffed", "heed", "heeded", "ignore", "ignores", "ignored"};

// Prepositions that can govern a noun phrase.
const WordSet kPrepositions = {
    "in", "on", "of", "for", "with", "about", "at", "from", "by", "to",
    "into", "over", "under", "against", "during", "through", "without",
    "despite", "amid", "after", "before", "among", "between", "behind"};

// Numbers written as words, as in a poll's "four in 10".
const WordSet kNumberWords = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

// Function words allowed inside a source phrase.
const WordSet kDeterminers = {
    "the", "a", "an", "his", "her", "their", "its", "our", "one",
    "two", "three", "several", "some", "many", "other", "another",
    "former", "then", "two", "senior", "top"};

// Auxiliaries, modals and "not": the verb group's opening words ("has
// twice complained", "can be heard", "may well endorse").
const WordSet kAuxiliaries = {
    "has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would",
    "could", "should", "may", "might", "can", "must", "shall", "did", "does", "do", "not",
    "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't",
    "shouldn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't"};

// Adverbs and auxiliaries that may stand between a subject and its verb
// ("he has repeatedly declared").
const WordSet kVerbModifiers = {
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "again",
    "then", "once", "later", "earlier", "previously", "already", "still", "often", "never",
    "not", "did", "does", "do", "long", "first", "recently", "repeatedly", "publicly",
    "privately", "separately", "further", "had", "has", "just", "even", "only", "initially",
    "ultimately", "since", "subsequently", "similarly", "likewise", "too", "herself",
    "himself", "themselves", "itself", "been", "be", "being", "may", "might", "could",
    "should", "can", "must", "shall", "it's", "once", "never", "don't", "doesn't", "didn't",
    "however", "though", "instead", "therefore", "nonetheless", "nevertheless", "yet",
    "seldom", "sometimes", "ever", "perhaps", "maybe", "almost", "soon", "personally",
    "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "isn't", "aren't",
    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "mustn't", "now", "always", "both",
    "all", "am", "quite"};

// Verbs that link a subject to an adjective as "be" does ("have become
// vocal about", "remains wary of", "grew nervous about"). Not "seem" or
// "appear": "seemed certain to", "seems willing to" tell how things look
// to the writer more often than what the subject holds.
const WordSet kLinkingVerbs = {
    "become", "became", "becoming", "grow", "grows", "grew",
    "grown", "growing", "remain", "remains", "remained",
    "remaining", "stay", "stays", "stayed", "get", "gets", "got",
    "getting"};

// Words of degree before an adjective after "be" ("is most proud of",
// "was more upbeat about", "are so enamored of").
const WordSet kDegreeWords = {
    "more", "most", "less", "least", "very", "so", "too", "quite",
    "far", "rather", "pretty", "much", "even"};

// Pronouns that can stand alone as the subject of a reporting verb ("he
// said", "they argued"). Every other function word ("and", "to", "when")
// is never a source on its own.
const WordSet kSubjectPronouns = {
    "he",      "she",     "they",     "we",       "i",
    "you",     "it",      "one",      "some",     "many",
    "others",  "most",    "few",      "several",  "both",
    "all",     "neither", "none",     "each",     "either",
    "everyone", "someone", "nobody",  "anyone",   "everybody",
    "somebody", "two",    "three",    "another"};

// A pronoun and an auxiliary written as one word ("we'll", "I've"): the
// subject of the verb that follows.
const WordSet kSubjectContractions = {
    "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "you're", "you've",
    "you'd", "you'll", "they're", "they've", "they'd", "they'll", "he'd", "he'll", "she'd",
    "she'll", "it'll", "it'd"};

// Verbs that take an infinitive whose subject is theirs ("went on to say",
// "continued to argue"): the infinitive's cue is attributed to it.
const WordSet kCatenatives = {
    "continued", "continues", "continue", "continuing", "began", "begins", "begin",
    "started", "starts", "tried", "tries", "try", "trying", "decided", "decides", "used",
    "moved", "rushed", "chose", "chooses", "went", "goes", "go", "going", "came", "comes",
    "yet", "able", "eager", "ready", "willing", "quick", "first", "stood", "took", "takes",
    "sought", "seeks", "appeared", "appears", "seemed", "seems", "expected", "likely",
    "working", "worked", "prepared", "preparing", "waited", "happy", "careful", "sure",
    "set", "poised", "due", "forced", "asked", "urged", "called", "invited", "pressed"};

// Verbs whose object is the means or the occasion of what the infinitive
// after it says, done by their own subject ("used his speech to attack",
// "took the opportunity to thank", "seized the moment to announce").
const WordSet kInstrumentVerbs = {
    "used", "uses", "using", "took", "takes", "taking",
    "seized", "seizes", "seizing"};

// Verbs of going, gathering and appearing whose purpose is an infinitive a
// place or a companion away, done by their own subject ("gathered at a
// diner to talk about", "appeared on the show to defend", "met with donors
// to discuss").
const WordSet kPurposeVerbs = {
    "came",      "come",      "comes",     "went",     "met",      "meet",     "meets",
    "gathered",  "gather",    "huddled",   "appeared", "appear",   "appears",  "stood",
    "sat",       "traveled",  "travelled", "travel",   "flew",     "fly",      "visited",
    "visit",     "visiting",  "returned",  "return",   "arrived",  "headed",   "stopped",
    "descended", "rallied",   "convened",  "assembled", "joined",  "join",     "showed",
    "turned",    "drove",     "phoned",    "wrote",    "spoke",    "speaks",   "stepped",
    "took",      "held",      "hosted",    "launched", "posted",   "released", "issued",
    "spent",     "tweeted",   "ran",       "aired"};

// Verbs whose object is a text or message their subject puts out ("sent a
// letter", "released an ad", "filed a lawsuit", "started a petition"): a
// participle after that object ("... urging", "... calling for") tells what
// the subject says through it.
const WordSet kPublishingVerbs = {
    "sent", "sends", "released", "releases", "issued", "issues",
    "filed", "files", "launched", "launches", "started", "starts",
    "placed", "aired", "airs", "unveiled", "unveils", "approved",
    "published", "publishes", "posted", "posts", "circulated"};

// Nouns of purpose in a phrase that tells why the clause's subject acts
// ("rallied in hopes of", "bought shares in a bid to", "with plans to").
const WordSet kPurposeNouns = {
    "hope", "hopes", "plan", "plans", "bid", "effort", "attempt"};

// Units of time: "took four years to write" is a duration, not an occasion.
const WordSet kTimeUnits = {
    "seconds", "minutes", "hours", "days",  "weeks",   "months",
    "years",   "decades", "minute", "hour", "while",   "ages"};

// Forms of "go" that open "went out of his way to say" and "went so far as
// to say".
const WordSet kGoForms = {
    "went", "goes", "go", "going", "gone"};

// Participles of permission and scheduling: "not authorized to discuss" is
// an anonymous source's boilerplate, "scheduled to testify" no statement.
const WordSet kPermissionWords = {
    "authorized", "authorised", "permitted", "allowed", "cleared",
    "scheduled", "slated", "set"};

// Words before "of" and a gerund whose subject is the clause's ("the step
// of criticizing", "instead of calling", "short of endorsing").
const WordSet kGerundOfWords = {
    "step", "point", "habit", "tradition", "practice", "business",
    "instead", "short", "process", "act", "task", "job",
    "capable", "guilty", "afraid", "tired", "proud", "fond",
    "incapable", "accused", "way", "means", "risk"};

// Verbs of beginning, going on and stopping that take a gerund whose
// subject is theirs ("started asking", "kept saying", "began attacking").
const WordSet kAspectualVerbs = {
    "started", "starts", "start", "starting", "began", "begins", "begin", "beginning", "begun",
    "kept", "keeps", "keep", "keeping", "stopped", "stops", "stop", "quit", "finished",
    "resumed", "resumes", "avoided", "avoids", "risked", "risks", "continue", "continues",
    "continued"};

// Nouns after "by" that name a means, a measure or a time, not an agent
// ("by phone", "by the end of", "by his own account").
const WordSet kMeansNouns = {
    "phone", "telephone", "email", "e-mail", "text", "mail", "letter",
    "fax", "video", "satellite", "margin", "vote", "votes", "default",
    "hand", "proxy", "law", "design", "mistake", "accident", "name",
    "contrast", "comparison", "way", "end", "time", "account",
    "standard", "standards", "measure", "percent", "far", "then",
    "now", "night", "day", "week", "month", "year", "noon", "midnight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday"};

// Participles that modify a noun after a capitalised adjective ("Democratic
// registered voters", "GOP elected officials").
const WordSet kParticipleAdjectives = {
    "registered", "elected", "retired", "unnamed", "appointed",
    "affiliated", "undecided", "united", "based", "declared",
    "committed", "pledged", "unpledged", "armed", "organized",
    "sponsored", "backed", "funded", "owned", "controlled", "led"};

// Nouns of support whose "of" phrase names the supporter after "the" ("the
// endorsement of the union").
const WordSet kAgentOfNouns = {
    "endorsement", "endorsements", "backing", "support", "blessing"};

// Words of degree or negation before an adjective that modifies a noun cue
// ("no overt mention", "more frequent calls").
const WordSet kDegreeOrNegation = {
    "no", "more", "most", "less", "least", "so", "very", "too"};

// Forms of "spend", whose subject does the gerund after its object ("spent
// the week attacking").
const WordSet kSpendForms = {
    "spend", "spends", "spent", "spending"};

// Prepositions before a gerund whose subject is the main clause's ("by
// saying", "upon arguing", "while insisting").
const WordSet kGerundPrepositions = {
    "by", "upon", "while", "after", "in", "without", "through",
    "before", "when", "since"};

// Words naming a time that may stand between a subject and its verb ("on
// Tuesday", "last week", "Monday night").
const WordSet kTimeWords = {
    "monday",  "tuesday",  "wednesday", "thursday", "friday",
    "saturday", "sunday",  "today",     "yesterday", "tonight",
    "week",    "weekend",  "month",     "year",     "morning",
    "afternoon", "evening", "night"};

// Words that end a short phrase naming a time before a comma ("Hours
// later,", "The day before,", "Two weeks ago,").
const WordSet kTimeSpans = {
    "later", "earlier", "ago", "before", "after"};

// Words that open such a time ("on", "last", "this", "late").
const WordSet kTimeOpeners = {
    "on",     "last",  "this",    "next",  "late",  "early",
    "earlier", "later", "that",   "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "past"};

// Words that open an adverbial after a parenthetical verb ("she said in an
// interview", "he added at a rally").
const WordSet kAdverbialOpeners = {
    "on",   "last",   "late",   "early",
    "in",   "at",     "during", "after", "before", "while", "from",
    "to",   "with",   "via",    "through", "again", "also", "too",
    "then", "recently", "earlier", "later", "privately", "publicly",
    "afterward", "afterwards", "repeatedly", "once", "twice",
    "when", "as", "if", "because", "since", "although", "though"};

// Verbs that give something a name ("in what the mayor called a stunt",
// "what economists describe as a tax").
const WordSet kNamingVerbs = {
    "called", "calls", "call", "dubbed", "dubs", "termed",
    "terms", "described", "describes", "describe", "labeled",
    "labelled", "characterized", "characterizes"};

// Forms of "be": before a past participle they make the verb passive ("was
// criticized", "has been told").
const WordSet kBeForms = {
    "is", "was", "were", "are", "be", "been", "being", "'s"};

// Past participles that do not end in "-ed".
const WordSet kIrregularParticiples = {
    "told",   "said",   "shown",  "seen",   "known", "thought",
    "written", "heard", "given",  "taken",  "held",  "spoken",
    "made",   "found",  "understood", "meant", "sought", "read",
    "felt",   "forecast", "taught", "brought"};

// Past tenses that do not end in "-ed", which end a subject phrase ("the
// port board took").
const WordSet kIrregularPast = {
    "took", "gave", "went", "came", "won", "lost", "ran", "began", "wrote", "spoke", "saw",
    "kept", "left", "put", "set", "got", "stood", "led", "met", "paid", "struck", "threw",
    "drew", "fell", "became", "chose", "rose", "hit", "cut", "let", "beat", "broke", "knew",
    "sent", "spent", "built", "sat", "shot", "fought", "caught", "bought", "sold", "grew",
    "flew", "wore", "swore", "hung", "dealt", "meant", "did", "had", "was", "were"};

// Nouns for a crowd that takes a side ("critics", "opponents"): with or
// without an "of" phrase ("critics of the law"), a vague group.
const WordSet kCrowdNouns = {
    "critics", "opponents", "detractors", "skeptics", "sceptics", "naysayers", "doubters",
    "cynics", "supporters", "proponents", "advocates", "defenders", "fans", "admirers",
    "adherents", "believers", "followers", "backers", "foes", "observers", "others",
    "purists", "enthusiasts", "devotees", "champions", "boosters"};

// Quantifiers that make a group vague ("most economists", "other
// reviewers", "the majority of users"); counts ("two officials") do not.
const WordSet kVagueQuantifiers = {
    "most", "many", "some", "several", "few", "other", "others",
    "various", "numerous", "countless", "majority", "minority",
    "number", "handful", "lot", "lots", "plenty"};

// Demonstratives, which open a phrase like an article ("critics of this
// plan").
const WordSet kDemonstratives = {
    "this", "these", "those", "that"};

// Possessive determiners: "his claim", "their calls for".
const WordSet kPossessiveDeterminers = {
    "his", "her", "their", "its", "our", "my", "your"};

// Object pronouns: "led them to say", "pressure on her to explain".
const WordSet kObjectPronouns = {
    "him", "her", "them", "us", "me"};

// Verbs whose object does what the infinitive after it says ("allowed
// users to report", "led voters to question").
const WordSet kObjectControlVerbs = {
    "allow",  "allows",  "allowed",  "allowing", "force",   "forces",  "forced",  "forcing",
    "lead",   "leads",   "led",      "leading",  "prompt",  "prompts", "prompted", "prompting",
    "urge",   "urges",   "urged",    "urging",   "ask",     "asks",    "asked",   "asking",
    "encourage", "encourages", "encouraged", "encouraging", "press", "pressed", "pressing",
    "invite", "invites", "invited",  "inviting", "push",    "pushed",  "pushing", "enable",
    "enables", "enabled", "enabling", "persuade", "persuaded", "convince", "convinced",
    "require", "requires", "required", "requiring", "get", "got", "getting", "want", "wants",
    "wanted", "expect", "expects", "expected", "need", "needs", "needed", "rely", "relies",
    "relied", "called", "calls", "calling", "leave", "leaves", "leaving", "left", "cause",
    "causes", "caused", "causing", "permit", "permits", "permitted", "drove", "drives",
    "inspired"};

// Causative verbs: "make them feel", "let me say".
const WordSet kCausatives = {
    "make", "makes", "made", "making", "let", "lets", "letting",
    "help", "helps", "helped", "helping"};

// Personal pronouns that are subjects ("he", "they"), for a verb whose
// subject is left out ("... - he called her weak and said ...").
const WordSet kPersonalSubjects = {
    "he", "she", "they", "we", "i", "you"};

// Labels that stand before a colon in news copy without being a speaker
// ("Correction:", "Update:", "Watch:", a kicker's "Bombshell:", an aside's
// "Remember:" or "Plus:"), and an interviewer's "Q:", whose
// question attributes nothing.
const WordSet kKickerLabels = {
    "correction", "corrections", "clarification", "update", "updated", "updates", "breaking",
    "contributing", "note", "related", "watch", "read", "listen", "video", "videos", "photo",
    "photos", "latest", "editor", "editors", "disclosure", "exclusive", "graphic", "chart",
    "map", "credit", "credits", "advertisement", "tags", "topics", "subscribe", "more",
    "also", "sources", "source", "boom", "wow", "warning", "alert", "live", "analysis",
    "opinion", "commentary", "background", "context", "fact", "check", "recap", "timeline",
    "byline", "dateline", "q", "name", "age", "city", "job", "title", "location", "date", "look",
    "see", "question", "answer", "bottom", "line", "takeaway", "verdict", "result", "results",
    "remember", "plus", "email", "notice", "bombshell", "busted", "leaked", "revealed"};

// Prepositions joining a headline's speaker to the topic or the audience
// before its colon ("Costa on the levy:", "Costa to farmers:").
const WordSet kHeadlineTopics = {
    "on", "to", "at", "about", "over"};

// Forms of "see" that frame a view: "what they saw as contempt".
const WordSet kSeeForms = {
    "see", "sees", "saw", "seen", "seeing"};

// Finite verbs of talking with someone ("spoke to", "talked with"): an
// event, not a report, unless the talk's topic follows. (The participles
// set the scene for another verb: "an official speaking to Reuters said".)
const WordSet kTalkVerbs = {
    "spoke", "speak", "speaks", "talked", "talk", "talks"};

// Words that follow a noun heading its phrase ("calls for", "the claim
// that", "criticism of").
const WordSet kNounComplements = {
    "for", "of", "to", "about", "against", "that", "on", "over",
    "from", "by", "among", "in", "with", "is", "was", "are",
    "were", "has", "have", "had"};

// Relative pronouns: "the group, which said", "officials who argued".
const WordSet kRelativePronouns = {
    "who", "which", "that"};

// Words before a cue that make it a noun or an adjective ("the reports",
// "his claims", "in pledged delegates"): a verb never follows them.
const WordSet kNounMarkers = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "of", "in", "for",
    "with", "on", "at", "from", "about", "by", "into", "over", "under", "without", "between",
    "among", "after", "before", "despite", "against", "than", "upon", "toward", "towards",
    "amid", "amidst", "following", "including", "like", "unlike", "regarding", "during",
    "whose", "any", "every", "no", "such", "these", "those", "another", "each", "new",
    "own", "public", "private", "early", "late", "several", "many", "few", "more", "most",
    "other", "recent", "latest", "first", "second", "last", "next", "same", "previous"};

// Words opening an introductory phrase that stands before a sentence's
// subject ("In a statement on Tuesday, the ministry ...").
const WordSet kIntroOpeners = {
    "in", "on", "at", "after", "before", "during", "since", "with", "without", "for",
    "from", "by", "despite", "amid", "following", "as", "when", "while", "if", "although",
    "though", "because", "once", "until", "like", "unlike", "according", "meanwhile",
    "however", "still", "yet", "later", "earlier", "also", "now", "then", "instead",
    "moreover", "indeed", "but", "and", "so", "last", "this", "speaking", "asked", "over",
    "under", "through", "throughout", "among", "within", "outside", "inside", "to"};

// Conjunctions and adverbs that may open a sentence before its subject
// without a comma ("Yet he insisted", "But the senator said").
const WordSet kSentenceAdverbs = {
    "yet", "but", "and", "so", "still", "also", "now", "then",
    "meanwhile", "however", "instead", "indeed", "thus", "or"};

// Words that open an indirect question ("asked whether", "asked him why").
const WordSet kQuestionOpeners = {
    "whether", "if", "what", "why", "how", "who", "which", "when",
    "where"};

// Conjunctions that open a subordinate clause: an attribution inside one
// ("When Xi said ..., Biden replied") ends at the clause's comma.
const WordSet kSubordinators = {
    "when", "after", "before", "as", "if", "while", "because",
    "since", "although", "though", "until", "once", "whether",
    "unless", "whereas"};

// Subordinators that open a clause of time or contrast ("when", "while",
// "although"), never an embedded question ("whether", "if") or a
// comparison ("as").
const WordSet kTimeClauseOpeners = {
    "when",  "after", "before", "while",  "since",  "although",
    "though", "until", "once",  "unless", "whereas"};

// Conjunctions that, after a comma, start a new clause rather than continue
// reported content ("X said A, but Y said B").
const WordSet kClauseBreakers = {
    "but", "while", "whereas", "although", "though", "yet"};

const WordSet kMalePronouns = {
    "he", "him", "his"};
const WordSet kFemalePronouns = {
    "she", "her", "hers"};
const WordSet kPluralPronouns = {
    "they", "them"};
const WordSet kItPronoun = {
    "it"};

// Descriptions that point back to an outlet named earlier ("the report",
// "the newspaper").
const WordSet kOutletDescriptions = {
    "report", "newspaper", "paper", "broadcaster", "network",
    "agency", "outlet", "publication", "magazine", "story",
    "article", "daily", "channel", "website", "site", "reporting"};

// Words that open an aside set off by commas ("..., while avoiding X, said").
const WordSet kAsideOpeners = {
    "while", "who", "which", "whose", "when", "although",
    "though", "according", "in", "on", "at", "as", "after",
    "before", "speaking", "writing", "citing", "however", "despite",
    "for", "with", "without", "during", "meanwhile", "not",
    "unlike", "like", "if", "because", "since", "also", "too",
    "then", "now", "however", "by", "from", "to", "and", "but"};

const WordSet kSentenceOpeners = {
    "the", "a", "an", "in", "on", "at", "but", "and", "as",
    "since", "when", "while", "after", "before", "meanwhile",
    "however", "this", "that", "these", "those", "it", "he",
    "she", "they", "we", "i", "if", "for", "from", "with",
    "according", "recent", "last", "next", "some", "many",
    "asked", "speaking", "still", "yet", "so", "even", "there",
    "former", "senior", "critics", "sources", "officials"};

// Last words of a capitalised name that make it a body, not a person
// ("Hallan Ferry Company", "Marlow Port Authority").
const WordSet kBodySuffixes = {
    "company", "corporation", "corp", "inc", "ltd", "plc", "llc", "group", "holdings",
    "bank", "authority", "council", "ministry", "department", "agency", "office", "party",
    "commission", "committee", "association", "union", "foundation", "institute",
    "university", "college", "school", "hospital", "trust", "board", "court", "police",
    "service", "services", "airlines", "airways", "motors", "industries", "partners",
    "fund", "federation", "league", "club", "society", "centre", "center", "network",
    "organisation", "organization", "administration", "government", "parliament",
    "assembly", "senate", "congress", "house", "embassy", "consulate", "army", "navy",
    "command", "forces", "campaign", "coalition", "alliance", "federation", "bureau",
    "directorate", "secretariat", "tribunal", "regulator", "exchange", "lab", "labs",
    "laboratory", "studio", "studios", "team", "firm", "council", "co"};

// Words that join two name words into one name: a body's ("Department for
// Transport", "Bank of America", "Procter and Gamble") or a person's particle
// ("Pierre de Vos", "Ursula von der Leyen").
const WordSet kNameConnectives = {
    "of", "for", "and", "de", "van", "von", "der", "da", "di",
    "del", "bin"};

// Prepositions joining a role to its body ("spokesperson for", "officials at").
const WordSet kRolePrepositions = {
    "for", "at", "of", "from", "with", "in", "to", "inside", "within"};

const WordSet kQuoteMarks = {
    "\"", "'"};

// Families whose matches are parts of a source phrase.
bool IsSourceFamily(Family f) {
  return f == Family::kAnonymousSources || f == Family::kSourceRoles ||
         f == Family::kOrganizations || f == Family::kOutlets || f == Family::kDocuments ||
         f == Family::kVagueSources;
}

struct PersonMention {
  Span name;        // the full name as first seen ("Xi Jinping"), in the text
  char gender = 0;  // 'm', 'f' or 0
};

struct OutletMention {
  uint32_t entry = kNoEntry;
  std::string name;  // the outlet's full name
};

// One pass over a document: claims in order, with the state coreference
// needs (people and outlets named so far).
class Attributor {
 public:
  Attributor(const Analyzer& analyzer, const Document& document, const Analysis& analysis)
      : matcher_(analyzer.matcher()),
        text_(document.text()),
        tokens_(analysis.tokens),
        analysis_(analysis),
        seg_(analysis.segmentation) {
    // Each entry's category as a bit, so the hot paths test a bit rather
    // than compare strings.
    const std::vector<Entry>& entries = matcher_.lexicon().entries();
    entries_ = entries.data();
    categories_.reserve(entries.size());
    for (const Entry& e : entries) {
      uint32_t bits = 0;
      for (size_t k = 0; k < kCategoryNames.size(); ++k)
        if (e.category == kCategoryNames[k]) bits |= 1u << k;
      categories_.push_back(bits);
    }
    if (const Entry* colon = matcher_.lexicon().Find("reporting_verbs.colon"))
      colon_entry_ = static_cast<uint32_t>(colon - entries_);
    if (const Entry* ask = matcher_.lexicon().Find("reporting_verbs.ask"))
      ask_entry_ = static_cast<uint32_t>(ask - entries_);
  }

  // Fills *claims with the document's claims, reusing the storage of the
  // claims already there.
  void Run(std::vector<Claim>* claims);

 private:
  // --- token helpers -----------------------------------------------------
  // Built from the token's offsets, which lie in the text, rather than by
  // substr(), whose bounds check and throw kept this out of line.
  std::string_view TokenText(uint32_t i) const {
    return std::string_view(text_.data() + tokens_[i].begin, tokens_[i].size());
  }
  bool IsPunct(uint32_t i) const { return tokens_[i].kind == TokenKind::kPunct; }
  bool IsComma(uint32_t i) const { return tokens_[i].hash == kComma; }
  bool IsQuote(uint32_t i) const { return kQuoteMarks.Contains(tokens_[i].hash); }
  bool IsCapitalized(uint32_t i) const {
    return tokens_[i].kind == TokenKind::kWord && tokens_[i].has(kCapitalized);
  }
  bool IsLowerWord(uint32_t i) const {
    return tokens_[i].kind == TokenKind::kWord && !tokens_[i].has(kCapitalized) &&
           !tokens_[i].has(kAllUpper);
  }
  // A lower-case word in -ing: a participle or a gerund ("saying").
  bool IsLowerIng(uint32_t i) const { return IsLowerWord(i) && EndsWith(TokenText(i), "ing"); }
  // "Facing", "Speaking": a participle opening a sentence.
  bool IsCapitalizedIng(uint32_t i) const {
    return IsCapitalized(i) && !tokens_[i].has(kAllUpper) && EndsWith(TokenText(i), "ing");
  }
  // Whether the attribution's verb class is `name`. Through string_view:
  // std::string == "literal" calls compare() and strlen, where string_view
  // compares the sizes first and inlines the rest.
  static bool ClassIs(const Attribution& a, std::string_view name) { return a.verb_class == name; }
  // An attribution of a view, an aim or a judgement rather than of plain
  // speech: a mental state, or a stance, loaded, intention or assertive
  // verb.
  static bool TakesSide(const Attribution& a) {
    return a.mental || ClassIs(a, "stance") || ClassIs(a, "loaded") ||
           ClassIs(a, "intention") || ClassIs(a, "assertive");
  }
  // A preposition that takes a noun cue's topic or target ("attack on",
  // "critic of", "support for", "campaign against", "nervous about").
  static bool TopicPreposition(uint64_t h) {
    return h == kOn || h == kOf || h == kFor || h == kAgainst || h == kAbout;
  }
  // (A longer word only: "ing" does not end "ing".) The tail is compared
  // in place, without substr()'s bounds check, so that a literal suffix
  // inlines to a compare or two.
  static bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() &&
           std::string_view(s.data() + s.size() - suffix.size(), suffix.size()) == suffix;
  }
  bool IsLyAdverb(uint32_t i) const {
    const std::string_view t = TokenText(i);
    return IsLowerWord(i) && t.size() > 4 && EndsWith(t, "ly");
  }
  const Entry& EntryOf(const CueMatch& m) const { return matcher_.entry(m.entry); }
  // The categories the attribution rules look at, one bit each (in the
  // order of kCategoryNames).
  enum Category : uint32_t {
    kTitle = 1u << 0,
    kPhrase = 1u << 1,
    kRelay = 1u << 2,
    kBare = 1u << 3,
    kPopular = 1u << 4,
    kSpokesperson = 1u << 5,
    kImpression = 1u << 6,
    kMental = 1u << 7,
    kIntention = 1u << 8,
    kStance = 1u << 9,
    kSetting = 1u << 10,
    kLoaded = 1u << 11,
    kAssertive = 1u << 12,
    kTentative = 1u << 13,
    kNeutral = 1u << 14,
    kPublication = 1u << 15,
  };
  static constexpr std::array<std::string_view, 16> kCategoryNames = {"title", "phrase", "relay", "bare", "popular", "spokesperson", "impression", "mental", "intention", "stance", "setting", "loaded", "assertive", "tentative", "neutral", "publication"};
  // Whether entry `e` (one of the lexicon's) has any of the categories.
  bool Is(const Entry& e, uint32_t categories) const {
    return (categories_[static_cast<size_t>(&e - entries_)] & categories) != 0;
  }
  Family FamilyOf(const CueMatch& m) const { return EntryOf(m).family; }

  // --- per-claim work ----------------------------------------------------
  void PrepareSentenceRange(uint32_t first_token, uint32_t end_token, uint32_t cue_first,
                            uint32_t cue_end);
  bool InQuote(uint32_t token) const { return marks_[token - range_begin_].in_quote != 0; }
  bool InVerbCue(uint32_t token) const { return marks_[token - range_begin_].verb_cue != 0; }
  int ChunkAt(uint32_t token) const { return marks_[token - range_begin_].chunk; }

  // The source phrase ending just before `verb` (subject side), or empty.
  Span LeftPhrase(uint32_t verb, bool allow_aside_skip, uint32_t* first_token) const;
  // The phrase starting at `start` and running right (object side).
  Span RightPhrase(uint32_t start, uint32_t* last_token) const;
  // The last token of an apposition after an inverted source that closes
  // its sentence ("said Ana Costa, a lawyer in Salem."), or `name_last`
  // when none follows.
  uint32_t AppositionEnd(uint32_t cue_first, uint32_t name_last, uint32_t end_token) const;
  Span ExtendLeftPhrase(uint32_t end_token, uint32_t* first_token) const;
  // ExtendLeftPhrase, or, when `end_token` closes a parenthesis, the phrase
  // before it with the parenthesis ("Sen. Ana Costa (D-Ore.)").
  Span PhraseWithParenthesis(uint32_t end_token, uint32_t* first_token) const;

  // What stands before a verb cue once auxiliaries, negations and adverbs
  // are skipped; *at is that token.
  enum class Before {
    kNothing,      // the sentence starts there, or a quotation ends there
    kSubject,      // a word that may end the subject's phrase
    kContraction,  // "we'll", "I've": the subject itself
    kInfinitive,   // "to": the verb is not asserted by anyone yet
    kPurpose,      // "declined to assail": the clause's subject's infinitive
    kNoun,         // "the reports", "in pledged delegates": not a verb
    kCoordinated,  // "and added": the subject of the verb before
    kParticiple,   // ", saying": the main clause's subject
    kRelative,     // "the group, which said": the antecedent
    kCatenative,   // "went on to say": *at is the governing verb
    kPassive,      // "was criticized (by X)", "when asked": the agent, if any
    kPossessor,    // "his claim", "Trump's plan": the possessor
    kObject,       // "led Republicans to say": *at ends the object before "to"
    kControlled,   // "allowed users to report": *at ends the object of the verb
    kOpeningParticiple,  // "Speaking in Ohio, the senator ...": the subject after the comma
  };
  // The index of the last token before `verb` that is not an auxiliary, a
  // negation or an adverb ("he has not yet said"), or range_begin_ - 1.
  // *saw_be becomes true when a form of "be" is among them.
  int64_t SkipModifiers(uint32_t verb, bool* saw_be = nullptr) const;
  int64_t WalkModifiers(uint32_t verb, bool* saw_be) const;
  // SkipModifiers' last answer: most verbs are asked about twice running
  // (by BeforeVerb, then by LeftPhrase). A range (a claim) is never
  // taken twice, so the range and the verb name the question (a range
  // ending at 0 is none: no answer yet).
  struct SkipMemo {
    uint32_t verb = 0, range_begin = 0, range_end = 0;
    int64_t result = 0;
    bool saw_be = false;
  };
  mutable SkipMemo skip_memo_;
  Before BeforeVerb(uint32_t verb, bool participle, bool passive_form, uint32_t* at) const;
  // A lower-case word with an adjective's ending ("lingering", "famous";
  // not "-ic" or "-ive", which end nouns too: "critic", "executive").
  // A cue word in "-s" right before another verb cue, and not after a
  // pronoun: a plural noun, the verb's subject ("FEC reports show",
  // "Reports indicate"), not a verb.
  bool PluralNounBeforeVerb(uint32_t t) const {
    if (tokens_[t].kind != TokenKind::kWord || !EndsWith(TokenText(t), "s") ||
        t + 1 >= range_end_ || !InVerbCue(t + 1) || InQuote(t))
      return false;
    // The verb is a plural present of saying ("show", "claim", "suggest"),
    // not "seems certain", "sees hope".
    const std::string_view v = TokenText(t + 1);
    if (!IsLowerWord(t + 1) || EndsWith(v, "s") || EndsWith(v, "ed") || EndsWith(v, "ing") ||
        !HasMark(t + 1, kStartsSpeechCue))
      return false;
    if (!IsLowerWord(t) && !(t == range_begin_ || IsPunct(t - 1))) return false;
    return t == range_begin_ || !kSubjectPronouns.Contains(tokens_[t - 1].hash);
  }
  // Whether t ends "at the time", "in the past", "at one point" or "at
  // that point".
  bool PhraseOfTime(uint32_t t) const {
    if (t < range_begin_ + 2 || !IsLowerWord(t)) return false;
    const std::string_view w = TokenText(t), d = TokenText(t - 1), p = TokenText(t - 2);
    const bool noun = w == "time" || w == "past" || w == "point" || w == "moment";
    const bool det = d == "the" || d == "one" || d == "that";
    return noun && det && (p == "at" || p == "in");
  }
  // A verb form that is never a noun or an adjective: a past tense in
  // "-ed" or an irregular one, or "says", "tells".
  bool FiniteOnly(uint32_t t) const {
    const std::string_view w = TokenText(t);
    return (IsLowerWord(t) && EndsWith(w, "ed")) || kIrregularParticiples.Contains(tokens_[t].hash) ||
           tokens_[t].hash == kSays || tokens_[t].hash == kTells;
  }
  static bool LooksAdjective(std::string_view w) {
    for (std::string_view suffix : {"ing", "ous", "ful", "able", "ible", "less", "ish"})
      if (EndsWith(w, suffix)) return true;
    return false;
  }
  // A lower-case word in plural -s ("supporters"; not "previous",
  // "less"): a noun, no adjective.
  bool LooksPlural(uint32_t t) const {
    const std::string_view w = TokenText(t);
    return IsLowerWord(t) && w.size() > 3 && EndsWith(w, "s") && !EndsWith(w, "ss") &&
           !EndsWith(w, "ous") && !EndsWith(w, "is") && !EndsWith(w, "us");
  }
  // A dash between phrases: an en or em dash, or a hyphen with a space
  // before it (" -- " typed as hyphens).
  bool IsDash(uint32_t t) const {
    if (tokens_[t].hash == kDash) return true;
    return tokens_[t].hash == kHyphen &&
           (tokens_[t].has(kSpaceBefore) ||
            (t + 1 < tokens_.size() && tokens_[t + 1].has(kSpaceBefore)));
  }
  // A period that ends an initial or a short abbreviation inside a name
  // ("R.", "Jr.", "Sr.").
  bool AbbreviationPeriod(uint32_t t) const {
    return tokens_[t].hash == kPeriod && t > range_begin_ && IsCapitalized(t - 1) &&
           tokens_[t - 1].size() <= 3 && tokens_[t].begin == tokens_[t - 1].end;
  }
  // A year ("2010", "1998"): a number of four characters opening with 19
  // or 20 (which "204m" is too).
  bool Year(uint32_t t) const {
    const std::string_view w = TokenText(t);
    return tokens_[t].kind == TokenKind::kNumber && w.size() == 4 &&
           (w.substr(0, 2) == "19" || w.substr(0, 2) == "20");
  }
  // A percent sign written against its number ("42%").
  bool PercentSign(uint32_t t) const {
    return TokenText(t) == "%" && t > range_begin_ && tokens_[t - 1].kind == TokenKind::kNumber &&
           tokens_[t].begin == tokens_[t - 1].end;
  }
  // "about" or a colon follows the cue within its clause (the next 16
  // tokens up to a punctuation mark): a talk with its topic.
  bool TopicFollows(uint32_t cue_last, uint32_t end_token) const {
    for (uint32_t k = cue_last + 1; k < end_token && k <= cue_last + 16; ++k) {
      if (tokens_[k].hash == kAbout) return true;
      if (IsPunct(k) && tokens_[k].hash != kHyphen && tokens_[k].hash != kPossessive)
        return tokens_[k].hash == kColon;
    }
    return false;
  }
  // The cue's first word is a past participle ("criticized", "told").
  bool PastParticiple(uint32_t t) const {
    if (tokens_[t].kind != TokenKind::kWord || tokens_[t].has(kAllUpper)) return false;
    return EndsWith(TokenText(t), "ed") || kIrregularParticiples.Contains(tokens_[t].hash);
  }
  // The subject noun phrase starting at `start` (a forward scan that stops
  // at the first word that looks like the verb), or empty.
  Span SubjectPhrase(uint32_t start, uint32_t limit, uint32_t* last_token) const;
  // The subject of the main clause of the sentence starting at
  // `sentence_first`, when it stands before `limit`; introductory phrases
  // set off by a comma are skipped ("On Sunday, the senator ...").
  Span MainSubject(uint32_t sentence_first, uint32_t limit, uint32_t* first_token,
                   uint32_t* last_token) const;
  // Whether a short phrase naming a time and closed by a comma opens at
  // `t` ("Hours later,", "The day before,"), before `limit`.
  bool IntroTime(uint32_t t, uint32_t limit) const;
  // The speaker named before the colon at `colon` ("COSTA:", "Rep. Ana
  // Costa (D-Ore.):"): a short name phrase opening the sentence, or
  // following a dash. False when there is none.
  bool ColonSpeaker(uint32_t colon, Span* source, uint32_t* first, uint32_t* last) const;
  // The speaker of the quotation opened right after the colon at `colon`
  // ("Rubio fired back: \"...\"", "- Ana Costa: \"...\""): the speaker
  // ColonSpeaker finds, else the subject of the clause before the colon when
  // that clause holds no cue of its own. False when no quotation follows or
  // there is no subject.
  bool QuoteColonSpeaker(uint32_t colon, Span* source, uint32_t* first, uint32_t* last) const;
  // Whether the colon at `colon` ends a speaker's label that opens a
  // quoted transcript's turn: the sentence opens with a quotation mark and
  // the label is three words at most ("\"COSTA: We will ...").
  bool QuotedTurn(uint32_t colon) const;
  // The claim's sentence holding `token`, or nullptr.
  const Sentence* SentenceAt(uint32_t token) const;
  // The first and one-past-last token of the sentence holding `token`
  // (the claim's range when no sentence holds it).
  void SentenceOf(uint32_t token, uint32_t* first, uint32_t* end) const;
  // "In a Gallup poll, ...", "... in a new survey": the "in" that opens
  // the phrase whose head is the document cue `doc`, when the phrase opens
  // its sentence or is indefinite ("in a", "in an"); false otherwise.
  bool DocumentPreposition(const CueMatch& doc, uint32_t* in_token) const;
  // The subject of the clause whose verb takes the noun phrase starting at
  // `np_first` as its object ("Cruz reboots [his attacks]", "The campaign
  // sent [an email]"): the sentence's main subject, when a verb (not a
  // preposition) stands just before the phrase and only a few words, with
  // no punctuation, clause word or verb of saying or thinking (checked
  // among the claim's cues before `cue_index`), lie between. Empty
  // otherwise.
  Span ObjectClauseSubject(uint32_t np_first, size_t cue_index, uint32_t* first, uint32_t* last) const;
  // The verb of the sentence whose subject is headed by the poll `doc`
  // ("Gallup's poll puts ...", "The latest poll has ..."), when no cue of
  // ours is that verb already; false otherwise.
  bool PollSubjectVerb(const CueMatch& doc, uint32_t* verb, uint32_t* subject_first,
                       uint32_t* subject_last) const;
  // A phrase that is only a function word ("and", "to", "the", "'s").
  bool BareFunctionWord(uint32_t first, uint32_t last) const;
  // "by" and someone follow the cue ending at `cue_last` ("by the
  // government", "by Fusion"), not a means or a measure ("by phone", "by a
  // wide margin", "by saying").
  bool AgentFollows(uint32_t cue_last) const;
  // The word at `t`, found alone before a cue, is a verb form or an adverb
  // of a verb group rather than a noun phrase: a participle or gerund not
  // after a determiner ("arranging", "emerged", "heard"; not "those
  // surveyed", "the ruling"), a word after an auxiliary or "to" ("has
  // twice", "may well", "to sow"), or an -ing word opening its sentence
  // ("Having announced ...").
  bool LoneVerbWord(uint32_t t) const;

  SourceKind Classify(Span span, uint32_t first, uint32_t last, std::string* refers_to,
                      Span* via, std::string* via_name);
  bool ResolvePronoun(uint32_t token, std::string* refers_to) const;
  void NotePeople(uint32_t first, uint32_t last);
  void NoteOutlets(uint32_t cue_first, uint32_t cue_end);
  // The last run of name words in [first, last] (see IsNameWord), with the
  // connectives between them; false when there is none.
  bool NameRun(uint32_t first, uint32_t last, uint32_t* begin, uint32_t* end) const;
  // The name run [begin, end] names a body, not a person.
  bool BodyName(uint32_t begin, uint32_t end) const;
  // An outlet's full name: the first phrase of its entry.
  std::string OutletName(uint32_t entry) const {
    const Entry& e = matcher_.entry(entry);
    std::string name = e.phrases.empty() ? e.id : e.phrases.front().text;
    // Lexicons write "the Guardian" so that "told the Guardian" matches;
    // as a name it starts with a capital.
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 32);
    return name;
  }
  // A capitalised word that can be part of a personal name (not "The",
  // "A", "In" ...).
  bool IsNameWord(uint32_t t) const {
    return IsCapitalized(t) && (ChunkAt(t) < 0 || AfterAbbreviatedTitle(t)) &&
           !tokens_[t].has(kInitialism) && !kDeterminers.Contains(tokens_[t].hash) &&
           !kBoundaries.Contains(tokens_[t].hash) && !kSentenceOpeners.Contains(tokens_[t].hash);
  }
  // A role word right after an abbreviated title is a surname ("Mr. King",
  // "Dr. Judge"): a title is followed by a name, never by another role.
  bool AfterAbbreviatedTitle(uint32_t t) const {
    if (t <= range_begin_ || tokens_[t - 1].hash != kPeriod || ChunkAt(t - 1) < 0) return false;
    const CueMatch& title = analysis_.cues[static_cast<size_t>(ChunkAt(t - 1))];
    if (title.first_token + title.token_count != t) return false;
    const Entry& e = EntryOf(title);
    return e.family == Family::kSourceRoles && Is(e, kTitle);
  }
  // The word at `t` can head a noun phrase that an "of" phrase completes
  // ("critics", "members", "many"): a source word, a quantifier or a plural
  // noun, not a verb, an adverb or a function word ("because of").
  bool HeadsOfPhrase(uint32_t t) const {
    if (InQuote(t) || tokens_[t].kind != TokenKind::kWord) return false;
    if (ChunkAt(t) >= 0) return true;
    const uint64_t h = tokens_[t].hash;
    if (kSubjectPronouns.Contains(h)) return !kPersonalSubjects.Contains(h) && h != kIt;
    // A plural ("critics of", "members of"): a singular noun's "of" phrase
    // is as often the thing that speaks ("the board of the port authority").
    if (!EndsWith(TokenText(t), "s")) return false;
    return !InVerbCue(t) && !IsLyAdverb(t) && !kBoundaries.Contains(h) &&
           !kVerbModifiers.Contains(h) && !kIntroOpeners.Contains(h) &&
           !kNounMarkers.Contains(h) && !kObjectPronouns.Contains(h);
  }
  // A plural common noun ("Opponents", "purists"): a crowd noun, or a word
  // of six letters or more with a plural noun's ending, that is no part of a
  // person named so far ("Sanders" after "Bernie Sanders").
  bool PluralNoun(uint32_t t) const;
  // The phrase [first, last] is a crowd headed by a plural noun: a crowd
  // noun alone or before "of" ("Critics of the law"), or a plural noun
  // alone, lower-case or opening its sentence ("Purists argue").
  bool CrowdPhrase(uint32_t first, uint32_t last) const;
  // The phrase opens with a vague quantifier ("most", "other", "the
  // majority of", "a number of").
  bool QuantifiedGroup(uint32_t first, uint32_t last) const;
  // A person named beside the outlet that employs them ("NBC's Dante
  // Chinni", "Vann R. Newkirk II, a writer for The Atlantic"); false when
  // the outlet itself is the source.
  bool OutletStaffName(uint32_t first, uint32_t last, const CueMatch& outlet) const;
  uint32_t TokenAtOffset(uint32_t offset) const;

  void AttributeClaim(Claim* claim);
  // `first_quotation`: the first quotation that ends after the claim's start.
  QuoteKind QuoteOf(const Claim& claim, size_t first_quotation) const;
  // The claim is one quotation from its first to its last character.
  bool WhollyQuoted(const Claim& c) const;

  static inline const uint64_t kComma = NormalizedHash(",");
  static inline const uint64_t kColon = NormalizedHash(":");
  static inline const uint64_t kPossessive = NormalizedHash("'s");
  static inline const uint64_t kOf = NormalizedHash("of");
  static inline const uint64_t kAnd = NormalizedHash("and");
  static inline const uint64_t kHyphen = NormalizedHash("-");
  static inline const uint64_t kPeriod = NormalizedHash(".");
  static inline const uint64_t kClose = NormalizedHash("close");
  static inline const uint64_t kTo = NormalizedHash("to");
  static inline const uint64_t kThe = NormalizedHash("the");
  static inline const uint64_t kBy = NormalizedHash("by");
  static inline const uint64_t kWho = NormalizedHash("who");
  static inline const uint64_t kHe = NormalizedHash("he");
  static inline const uint64_t kShe = NormalizedHash("she");
  static inline const uint64_t kThey = NormalizedHash("they");
  static inline const uint64_t kSaid = NormalizedHash("said");
  static inline const uint64_t kSay = NormalizedHash("say");
  static inline const uint64_t kAccused = NormalizedHash("accused");
  static inline const uint64_t kWhom = NormalizedHash("whom");
  static inline const uint64_t kIn = NormalizedHash("in");
  static inline const uint64_t kA = NormalizedHash("a");
  static inline const uint64_t kAn = NormalizedHash("an");
  static inline const uint64_t kOr = NormalizedHash("or");
  static inline const uint64_t kOn = NormalizedHash("on");
  static inline const uint64_t kWith = NormalizedHash("with");
  static inline const uint64_t kOver = NormalizedHash("over");
  static inline const uint64_t kWay = NormalizedHash("way");
  static inline const uint64_t kAs = NormalizedHash("as");
  static inline const uint64_t kIt = NormalizedHash("it");
  static inline const uint64_t kOne = NormalizedHash("one");
  static inline const uint64_t kFrom = NormalizedHash("from");
  static inline const uint64_t kFor = NormalizedHash("for");
  static inline const uint64_t kBack = NormalizedHash("back");
  static inline const uint64_t kHere = NormalizedHash("here");
  static inline const uint64_t kAnonymity = NormalizedHash("anonymity");
  static inline const uint64_t kAt = NormalizedHash("at");
  static inline const uint64_t kBut = NormalizedHash("but");
  static inline const uint64_t kNor = NormalizedHash("nor");
  static inline const uint64_t kThat = NormalizedHash("that");
  static inline const uint64_t kSemicolon = NormalizedHash(";");
  static inline const uint64_t kYet = NormalizedHash("yet");
  static inline const uint64_t kEven = NormalizedHash("even");
  static inline const uint64_t kSays = NormalizedHash("says");
  static inline const uint64_t kTells = NormalizedHash("tells");
  static inline const uint64_t kDash = NormalizedHash("--");
  static inline const uint64_t kParenOpen = NormalizedHash("(");
  static inline const uint64_t kParenClose = NormalizedHash(")");
  static inline const uint64_t kAgainst = NormalizedHash("against");
  static inline const uint64_t kAfter = NormalizedHash("after");
  static inline const uint64_t kAbout = NormalizedHash("about");
  static inline const uint64_t kDuring = NormalizedHash("during");
  static inline const uint64_t kThrough = NormalizedHash("through");
  static inline const uint64_t kQuestionMark = NormalizedHash("?");
  static inline const uint64_t kYou = NormalizedHash("you");
  static inline const uint64_t kHas = NormalizedHash("has");
  static inline const uint64_t kHave = NormalizedHash("have");
  static inline const uint64_t kHad = NormalizedHash("had");
  static inline const uint64_t kAnother = NormalizedHash("another");
  static inline const uint64_t kWhose = NormalizedHash("whose");
  static inline const uint64_t kWhich = NormalizedHash("which");
  static inline const uint64_t kWhat = NormalizedHash("what");
  static inline const uint64_t kWhere = NormalizedHash("where");
  static inline const uint64_t kLeft = NormalizedHash("left");
  static inline const uint64_t kSet = NormalizedHash("set");
  static inline const uint64_t kCut = NormalizedHash("cut");
  static inline const uint64_t kPut = NormalizedHash("put");
  static inline const uint64_t kHit = NormalizedHash("hit");
  static inline const uint64_t kLet = NormalizedHash("let");
  static inline const uint64_t kBeat = NormalizedHash("beat");
  static inline const uint64_t kLed = NormalizedHash("led");
  static inline const uint64_t kWhether = NormalizedHash("whether");
  static inline const uint64_t kHow = NormalizedHash("how");
  static inline const uint64_t kLike = NormalizedHash("like");
  static inline const uint64_t kThose = NormalizedHash("those");
  static inline const uint64_t kMost = NormalizedHash("most");
  static inline const uint64_t kMore = NormalizedHash("more");
  static inline const uint64_t kBoth = NormalizedHash("both");
  static inline const uint64_t kAll = NormalizedHash("all");
  static inline const uint64_t kEach = NormalizedHash("each");

  const Matcher& matcher_;
  const std::string& text_;
  const std::vector<Token>& tokens_;
  const Analysis& analysis_;
  const Segmentation& seg_;
  const Entry* entries_ = nullptr;
  std::vector<uint32_t> categories_;  // per entry, Category bits
  // The reporting verbs' colon entry, or kNoEntry when it is switched off.
  uint32_t colon_entry_ = kNoEntry;
  uint32_t ask_entry_ = kNoEntry;

  // Every attribution of the current claim, in the order of its cue, with
  // where its cue and source stand: the nesting rule needs the positions.
  struct Candidate {
    Attribution a;
    uint32_t cue_first = 0, cue_last = 0;
    bool has_source = false;
    uint32_t src_first = 0, src_last = 0;
    bool outlet_relay = false;   // "..., the Journal reported" / "told the Journal"
    bool parenthetical = false;  // "..., she said." / "..., said the minister,"
    bool closing = false;        // a parenthetical that ends its sentence
    bool setting = false;        // "the mayor told reporters": a setting read as a verb
    bool nominal = false;        // "his claim that ...": a noun, whose content is its clause
    // For a parenthetical in the middle of its sentence ("The economy, she
    // said, is weak"), the first token of the content after it; else 0.
    uint32_t content_resumes = 0;
  };
  std::vector<Candidate> cands_;
  // The end of a content that starts at `begin` in a sentence ending before
  // s_end: the sentence's end, a semicolon, or a comma or closing quotation
  // mark before another clause ("..., but Y said"); with `subordinate`, the
  // first comma.
  uint32_t ContentEnd(uint32_t begin, uint32_t s_end, bool subordinate) const;
  // AttributeClaim's scratch, kept from claim to claim.
  std::vector<char> nested_;
  std::vector<uint32_t> found_;          // candidates, by index into cands_
  std::vector<uint32_t> outlet_relays_;

  // The subject after the comma that closes a phrase opening the sentence
  // at `verb` ("Speaking in Ohio, the senator ..."), or empty.
  Span SubjectAfterOpening(uint32_t verb, uint32_t* sf, uint32_t* sl) const;
  // The source of the attribution before `cue` in the same sentence, for a
  // verb that shares its subject ("said ... and added", ", adding"), else
  // the main clause's subject.
  Span SharedSubject(uint32_t cue, uint32_t* sf, uint32_t* sl) const;
  // Whether the one-token source first..last is a personal pronoun right
  // after a noun: the subject of a clause inside a noun phrase ("the
  // videos he calls ...").
  bool ContactClauseSubject(uint32_t first, uint32_t last) const;
  // The subject of the verb cue starting at `verb`, on its left. Returns
  // false when the cue is not a verb of anyone's here ("to say", "the
  // reports", "his claims", "wants to say" where "wants" is itself a cue).
  // *sourceless: the cue is an attribution even with no source (a passive
  // "was criticized", "when asked").
  // The antecedent of the relative pronoun at `rel` ("the group, which"):
  // the phrase before it, or empty.
  Span RelativeAntecedent(uint32_t rel, uint32_t* first, uint32_t* last) const;
  bool VerbSubject(uint32_t verb, uint32_t cue_last, bool participle, bool passive_form,
                   bool possessor_ok, bool noun_ok, Span* source, uint32_t* sf, uint32_t* sl,
                   bool* sourceless, int depth = 0) const;

  // State for the current claim's token range.
  uint32_t first_sentence_ = 0;  // the claim's sentences
  uint32_t last_sentence_ = 0;
  uint32_t range_begin_ = 0;
  uint32_t range_end_ = 0;
  // Per token, what starts or ends there, so that no rule scans every cue
  // of the claim for each token or cue (a claim may be one long line).
  enum CueMark : uint8_t {
    kStartsOtherCue = 1 << 0,     // a cue that is neither a source part nor a hedge
    kStartsPhraseCue = 1 << 1,    // "according to"
    kStartsRelayCue = 1 << 2,     // "cited by"
    kAfterUnsourcedHedge = 1 << 3,  // an unsourced hedge ends just before ("reportedly said")
    kStartsSpeechCue = 1 << 4,  // a reporting verb of saying (neutral, assertive, tentative,
                                // loaded or publication)
  };
  // What the rules ask of each token of the claim's range, side by side
  // (one pass fills them; one cache line answers several questions).
  struct TokenMarks {
    int chunk = -1;            // index of the source-family cue covering it, or -1
    int relay_at = -1;         // the relay cue starting there, or -1
    uint32_t hedge_first = 0;  // start of the longest-reaching hedge over it
    uint32_t hedge_end = 0;    // its end (exclusive), or 0
    uint8_t in_quote = 0;      // inside a quotation
    uint8_t verb_cue = 0;      // part of a reporting-verb cue
    uint8_t cue_marks = 0;     // CueMark bits
  };
  std::vector<TokenMarks> marks_;
  bool HasMark(uint32_t token, CueMark mark) const {
    return (marks_[token - range_begin_].cue_marks & mark) != 0;
  }
  std::vector<const CueMatch*> claim_cues_;
  // The range's capitalised words and source-cue tokens (where a person's
  // mention can start), and its colons, in order: the first name_count_
  // and colon_count_ entries of buffers as long as the longest claim.
  std::vector<uint32_t> name_tokens_;
  std::vector<uint32_t> colons_;
  std::vector<uint32_t> chunk_tokens_;  // PrepareSentenceRange's scratch
  uint32_t name_count_ = 0;
  uint32_t colon_count_ = 0;

  // Document state.
  std::vector<PersonMention> people_;
  // Each name part to the latest person whose name holds it: finding "Xi"
  // in "Xi Jinping" is a lookup, not a scan of everyone named so far.
  PartIndex person_by_part_;
  int PersonWithPart(uint64_t part) const { return person_by_part_.Find(part); }
  // Adds the person named by the tokens first..last; each of them is a
  // part of the name. The name is a span of the text, which outlives the
  // attributor: no copy of it, nor of its parts, is kept.
  int AddPerson(uint32_t first, uint32_t last, char gender) {
    const int index = static_cast<int>(people_.size());
    for (uint32_t k = first; k <= last; ++k) person_by_part_.Set(tokens_[k].hash, index);
    people_.push_back({{tokens_[first].begin, tokens_[last].end}, gender});
    return index;
  }
  // The index of the first quotation that ends after `offset` (quotations
  // are in text order and do not overlap, so their ends are sorted too).
  size_t FirstQuotationEndingAfter(uint32_t offset) const {
    const auto& q = seg_.quotations;
    return static_cast<size_t>(std::partition_point(q.begin(), q.end(), [offset](const Quotation& x) {
                                 return x.end <= offset;
                               }) - q.begin());
  }
  // The same, for an offset no smaller than at the previous call with this
  // *cursor (a claim's start, the claims taken in text order): a walk on
  // from the previous answer rather than a search of them all.
  size_t FirstQuotationEndingAfter(uint32_t offset, size_t* cursor) const {
    const auto& q = seg_.quotations;
    while (*cursor < q.size() && q[*cursor].end <= offset) ++*cursor;
    return *cursor;
  }
  size_t range_quotation_ = 0;  // the cursors of PrepareSentenceRange and QuoteOf
  size_t claim_quotation_ = 0;
  std::vector<std::pair<uint32_t, int>> person_mentions_;  // (token, person index) in order
  std::vector<OutletMention> outlets_;                       // in order of first mention
  std::vector<bool> outlet_named_;                           // per entry
  // The last named source a pronoun or a quote continuation can fall back on.
  std::vector<Attribution> quote_speaker_;
};

void Attributor::PrepareSentenceRange(uint32_t first_token, uint32_t end_token,
                                      uint32_t cue_first, uint32_t cue_end) {
  range_begin_ = first_token;
  range_end_ = end_token;
  // One pass over the tokens starts each one's marks afresh, with whether it
  // stands in a quotation: quotation marks toggle, and a quotation that
  // opened in an earlier sentence of the same quote starts the range inside
  // it. The same pass gathers the few tokens that NotePeople and the colon
  // rule look at (capitalised words, colons), so that neither walks the
  // whole range again. Run() sized the buffers for the longest claim; the
  // arrays are in locals because a byte store may alias a member and would
  // make the compiler reload them for every token.
  const uint32_t at = tokens_[first_token].begin;
  const size_t qi = FirstQuotationEndingAfter(at, &range_quotation_);
  bool inside = qi < seg_.quotations.size() && seg_.quotations[qi].begin < at;
  const Token* const tokens = tokens_.data();
  TokenMarks* const marks = marks_.data();
  uint32_t* const names = name_tokens_.data();
  uint32_t* const colons = colons_.data();
  const uint64_t colon = kColon;
  uint32_t name_count = 0, colon_count = 0;
  for (uint32_t t = first_token; t < end_token; ++t) {
    const Token& tok = tokens[t];
    const bool capitalized = tok.kind == TokenKind::kWord && tok.has(kCapitalized);  // IsCapitalized
    if (capitalized) names[name_count++] = t;
    if (tok.hash == colon) colons[colon_count++] = t;
    uint8_t in_quote = inside ? 1 : 0;
    if ((tok.flags & (kOpenQuote | kCloseQuote)) != 0) {  // rare: one test for both
      if (tok.has(kOpenQuote) && !inside) {
        inside = true;
        in_quote = 1;
      } else if (tok.has(kCloseQuote) && inside) {
        inside = false;  // the closing mark itself is inside
      }
    }
    TokenMarks& mark = marks[t - first_token];
    mark = TokenMarks{};
    mark.in_quote = in_quote;
  }
  colon_count_ = colon_count;

  // The cues' marks. A source cue's token that is no capitalised word is
  // listed for NotePeople too (it looks for a title there).
  uint32_t* const chunk_words = chunk_tokens_.data();
  uint32_t chunk_count = 0;
  claim_cues_.clear();
  for (uint32_t c = cue_first; c < cue_end; ++c) {
    const CueMatch& m = analysis_.cues[c];
    if (FamilyOf(m) == Family::kNonCues) continue;
    claim_cues_.push_back(&m);
    const Entry& e = EntryOf(m);
    const uint32_t end = std::min(m.first_token + m.token_count, end_token);
    if (m.first_token < first_token || m.first_token >= end_token) continue;
    const uint32_t k = m.first_token - first_token;
    if (!IsSourceFamily(e.family) && e.family != Family::kHedges) marks_[k].cue_marks |= kStartsOtherCue;
    if (e.family == Family::kReportingVerbs) {
      for (uint32_t t = m.first_token; t < end; ++t) marks_[t - first_token].verb_cue = 1;
      if (Is(e, kPhrase)) marks_[k].cue_marks |= kStartsPhraseCue;
      if (Is(e, kNeutral | kAssertive | kTentative | kLoaded | kPublication))
        marks_[k].cue_marks |= kStartsSpeechCue;
      if (Is(e, kRelay)) {
        marks_[k].cue_marks |= kStartsRelayCue;
        if (marks_[k].relay_at < 0) marks_[k].relay_at = static_cast<int>(claim_cues_.size() - 1);
      }
    }
    if (e.family == Family::kHedges) {
      if (e.unsourced && end < end_token) marks_[end - first_token].cue_marks |= kAfterUnsourcedHedge;
      for (uint32_t t = m.first_token; t < end; ++t) {
        TokenMarks& mark = marks_[t - first_token];
        if (end <= mark.hedge_end) continue;
        mark.hedge_end = end;
        mark.hedge_first = m.first_token;
      }
    }
    if (!IsSourceFamily(FamilyOf(m))) continue;
    for (uint32_t t = m.first_token; t < m.first_token + m.token_count && t < end_token; ++t) {
      if (marks_[t - first_token].chunk >= 0) continue;
      marks_[t - first_token].chunk = static_cast<int>(c);
      if (!IsCapitalized(t)) chunk_words[chunk_count++] = t;
    }
  }
  // Both lists in order, merged from the back into the names' buffer (it
  // has room for every token of the range).
  std::sort(chunk_words, chunk_words + chunk_count);
  uint32_t i = name_count, j = chunk_count, out = name_count + chunk_count;
  while (j > 0) names[--out] = i > 0 && names[i - 1] > chunk_words[j - 1] ? names[--i] : chunk_words[--j];
  name_count_ = name_count + chunk_count;
}

Span Attributor::ExtendLeftPhrase(uint32_t end_token, uint32_t* first_token) const {
  // end_token is the last token of the phrase. Walk left over words that can
  // belong to a noun phrase; source-family cues are taken whole.
  // Another attribution's verb is no source ("declared in an interview"),
  // but a plural noun right before a verb cue is its subject ("FEC
  // reports show", "new polls suggest").
  const bool noun_subject = PluralNounBeforeVerb(end_token);
  if (InVerbCue(end_token) && ChunkAt(end_token) < 0 && !noun_subject) return {};
  // "the campaign he wants": a personal pronoun is the subject alone; so is
  // an object pronoun ("led her to declare").
  if ((kPersonalSubjects.Contains(tokens_[end_token].hash) ||
       kObjectPronouns.Contains(tokens_[end_token].hash)) &&
      !InQuote(end_token)) {
    *first_token = end_token;
    return {tokens_[end_token].begin, tokens_[end_token].end};
  }
  int64_t i = end_token;
  uint32_t first = end_token;
  int words = 0;
  while (i >= static_cast<int64_t>(range_begin_)) {
    const auto t = static_cast<uint32_t>(i);
    if (InQuote(t)) break;
    const int chunk = ChunkAt(t);
    // Another attribution's verb ends the phrase ("... blasted Trump's").
    if (chunk < 0 && InVerbCue(t) && tokens_[t].kind == TokenKind::kWord &&
        !(noun_subject && t == end_token))
      break;
    if (chunk >= 0) {
      const CueMatch& m = analysis_.cues[static_cast<size_t>(chunk)];
      first = std::max(m.first_token, range_begin_);
      i = static_cast<int64_t>(first) - 1;
      ++words;
      continue;
    }
    const Token& tok = tokens_[t];
    if (tok.kind == TokenKind::kPunct) {
      // Possessives, hyphens and initialisms' periods stay inside.
      if (tok.hash == kHyphen && !IsDash(t) && t > range_begin_ && t + 1 <= end_token) {
        first = t;
        --i;
        continue;
      }
      // "Joseph R. Biden Jr.": the period of an initial or a short title;
      // "42%": a share.
      if (AbbreviationPeriod(t) || (t == end_token && PercentSign(t))) {
        first = t;
        --i;
        continue;
      }
      break;
    }
    if (tok.hash == kPossessive) {
      first = t;
      --i;
      continue;
    }
    // "Bank of America", "Department for Transport", "Procter and Gamble":
    // a connective between capitalised words is inside a name.
    if (tok.hash == kOf ||
        ((tok.hash == kAnd || tok.hash == kFor) && t > range_begin_ && IsCapitalized(t - 1) &&
         t + 1 <= end_token && IsCapitalized(t + 1))) {
      first = t;
      --i;
      continue;
    }
    // "a spokesman for Trump", "an adviser to Mr. Obama", "a professor at
    // Harvard": a role and the preposition joining it to whom it serves
    // (not "voters in Ohio", a place).
    if (t < end_token && t > range_begin_ &&
        (tok.hash == kFor || tok.hash == kTo || tok.hash == kAt) &&
        ChunkAt(t - 1) >= 0 && !InQuote(t - 1)) {
      const Family f = FamilyOf(analysis_.cues[static_cast<size_t>(ChunkAt(t - 1))]);
      if (f == Family::kSourceRoles || f == Family::kAnonymousSources) {
        first = t;
        --i;
        continue;
      }
    }
    // "four in 10", "six out of 10": a poll's share.
    if (tok.hash == kIn && t > range_begin_ && t < end_token &&
        tokens_[t + 1].kind == TokenKind::kNumber &&
        (tokens_[t - 1].kind == TokenKind::kNumber || kNumberWords.Contains(tokens_[t - 1].hash))) {
      first = t;
      --i;
      continue;
    }
    if (tok.hash == kTo && t > range_begin_ && tokens_[t - 1].hash == kClose) {
      first = t;
      --i;
      continue;
    }
    // "Critics of the law", "many of the residents", "members of this
    // panel": the noun before "of" heads the phrase, which runs on over it.
    if ((kDeterminers.Contains(tok.hash) || kDemonstratives.Contains(tok.hash)) &&
        t < end_token && t >= range_begin_ + 2 && tokens_[t - 1].hash == kOf &&
        HeadsOfPhrase(t - 2)) {
      first = t - 1;
      i = static_cast<int64_t>(t) - 2;
      continue;
    }
    if (kDeterminers.Contains(tok.hash)) {
      first = t;
      --i;
      // A determiner opens the phrase unless more phrase stands before it:
      // "former Obama administration official", or a role with a
      // preposition ("a spokesperson for the port authority", "officials
      // at the ministry").
      const bool article = tok.hash == kThe || tok.hash == kA || tok.hash == kAn;
      if (article && t >= range_begin_ + 2 && kRolePrepositions.Contains(tokens_[t - 1].hash) &&
          ChunkAt(t - 2) >= 0 && !InQuote(t - 2)) {
        const Family f = FamilyOf(analysis_.cues[static_cast<size_t>(ChunkAt(t - 2))]);
        if (f == Family::kSourceRoles || f == Family::kAnonymousSources) {
          first = t - 1;
          i = static_cast<int64_t>(t) - 2;
          continue;
        }
      }
      // "Jeffrey Lewis of the Middlebury Institute": a name and its body.
      if (article && t >= range_begin_ + 2 && tokens_[t - 1].hash == kOf &&
          IsNameWord(t - 2) && !InQuote(t - 2) && t + 1 <= end_token && IsCapitalized(t + 1)) {
        first = t - 1;
        i = static_cast<int64_t>(t) - 2;
        continue;
      }
      if (article) break;
      continue;
    }
    // "Most farmers", "all three senators": a quantifier opens the phrase.
    if (t < end_token && kSubjectPronouns.Contains(tok.hash) &&
        !kPersonalSubjects.Contains(tok.hash) && tok.hash != kIt) {
      first = t;
      break;
    }
    // "those surveyed", "those polled": the participle's group.
    if (tok.hash == kThose && t + 1 == end_token && IsLowerWord(end_token) &&
        EndsWith(TokenText(end_token), "ed")) {
      first = t;
      break;
    }
    if (kBoundaries.Contains(tok.hash) && !(noun_subject && t == end_token)) break;
    if (tok.kind == TokenKind::kNumber) {
      first = t;
      --i;
      continue;
    }
    if (IsCapitalized(t) || tok.has(kAllUpper)) {
      // A capitalised sentence opener ("In", "The") is not part of a name;
      // one that heads an "of" phrase is its noun ("Critics of the law").
      if (t == range_begin_ && kSentenceOpeners.Contains(tok.hash) && t != end_token &&
          !kDeterminers.Contains(tok.hash) && tokens_[t + 1].hash != kOf)
        break;
      first = t;
      --i;
      ++words;
      continue;
    }
    // A lower-case word: a noun or adjective of the phrase ("people",
    // "familiar"), but not an -ly adverb or a long run of them.
    if (IsLyAdverb(t) || words >= 8) break;
    first = t;
    --i;
    ++words;
  }
  if (first > end_token) return {};
  if (BareFunctionWord(first, end_token)) return {};
  *first_token = first;
  return {tokens_[first].begin, tokens_[end_token].end};
}

Span Attributor::LeftPhrase(uint32_t verb, bool allow_aside_skip, uint32_t* first_token) const {
  if (verb <= range_begin_) return {};
  // Skip auxiliaries and adverbs between subject and verb.
  const int64_t i = SkipModifiers(verb);
  if (i < static_cast<int64_t>(range_begin_)) return {};
  auto t = static_cast<uint32_t>(i);
  if (InQuote(t) && !(allow_aside_skip && tokens_[t].has(kCloseQuote))) return {};
  // "A senior official who was not authorized to speak said": the subject
  // stands before the relative pronoun.
  for (int64_t j = i; j > static_cast<int64_t>(range_begin_) && i - j < 25; --j) {
    const auto u = static_cast<uint32_t>(j);
    if (IsPunct(u) || InQuote(u)) break;
    if (tokens_[u].hash != kWho) continue;
    if (u > range_begin_ && !IsPunct(u - 1) && !InQuote(u - 1)) return ExtendLeftPhrase(u - 1, first_token);
    // "Curiel, who through his office declined", "the woman, who like many
    // in the town did not want": a clause set off by a comma runs to its
    // own verb when no verb stands between, and "who" is its subject.
    if (u > range_begin_ && IsPunct(u - 1) && !InQuote(u - 1) && u < i) {
      // Nor a subject of its own ("who he claims", "who many feel", "who
      // Beck called": "who" is the object there).
      bool verb_between = false;
      for (uint32_t k = u + 1; k <= static_cast<uint32_t>(i) && !verb_between; ++k) {
        const std::string_view w = TokenText(k);
        const uint64_t kh = tokens_[k].hash;
        const bool subject =
            kPersonalSubjects.Contains(kh) ||
            (kSubjectPronouns.Contains(kh) && !kPrepositions.Contains(tokens_[k - 1].hash) &&
             tokens_[k - 1].hash != kLike) ||
            (IsCapitalized(k) && !kTimeWords.Contains(kh));
        verb_between = subject || InVerbCue(k) || kAuxiliaries.Contains(tokens_[k].hash) ||
                       kIrregularPast.Contains(tokens_[k].hash) ||
                       kIrregularParticiples.Contains(tokens_[k].hash) ||
                       (IsLowerWord(k) && (EndsWith(w, "ed") || EndsWith(w, "s")));
      }
      if (!verb_between) {
        *first_token = u;
        return {tokens_[u].begin, tokens_[u].end};
      }
    }
    break;
  }
  // 'who calls him a “fraud,” said': a comma closing a quoted word of an
  // aside.
  if (InQuote(t)) {
    if (!allow_aside_skip || !tokens_[t].has(kCloseQuote)) return {};
    if (!IsComma(t)) {
      if (t <= range_begin_ + 1 || !IsComma(t - 1) || !InQuote(t - 1)) return {};
      t = t - 1;
    }
  }
  Span aside;
  uint32_t aside_first = 0;
  if (IsComma(t) && allow_aside_skip) {
    // "X, while avoiding Y, said": skip an aside set off by commas; keep it
    // as an apposition when it is itself a name ("the chairwoman, Dr. Helen
    // Osei, told"). Up to three segments are walked back over when the one
    // before the aside is itself an aside ("Sanders, meanwhile, who has no
    // endorsements, said"; "Ms. Arnold, who founded EDGE, a climate group,
    // said").
    // Quoted words may stand inside the aside ("who calls him a “fraud,”").
    int64_t j = static_cast<int64_t>(t) - 1;
    while (j >= static_cast<int64_t>(range_begin_) && !IsComma(static_cast<uint32_t>(j)) &&
           t - j < 30)
      --j;
    // "Sen. Ana Costa (D-Ore.), said": a stray comma after a name and its
    // party opening the sentence.
    if (j < static_cast<int64_t>(range_begin_) && t > range_begin_ &&
        tokens_[t - 1].hash == kParenClose && !InQuote(t - 1))
      return PhraseWithParenthesis(t - 1, first_token);
    if (j < static_cast<int64_t>(range_begin_) || !IsComma(static_cast<uint32_t>(j)) ||
        InQuote(static_cast<uint32_t>(j)))
      return {};
    auto open = static_cast<uint32_t>(j);
    if (open + 1 >= t) return {};
    // Quoted words in an apposition, not a clause: ', "slowing growth" is
    // a certainty, said X' reads inverted.
    bool quoted = false, clause = false;
    for (uint32_t u = open + 1; u < t; ++u) {
      if (InQuote(u)) quoted = true;
      else if (kBeForms.Contains(tokens_[u].hash) && tokens_[u].hash != kPossessive) clause = true;
    }
    if (quoted && clause) return {};
    const uint32_t aside_start = open + 1;
    // A relative clause describing the subject ("Ana Costa, who chairs the
    // board, said") is shown with it, like an apposition; one that reports
    // speech ("who has said that ...") is an aside.
    bool describes = tokens_[aside_start].hash == kWho || tokens_[aside_start].hash == kWhose;
    for (uint32_t u = aside_start; u < t && describes; ++u)
      if (InVerbCue(u) || InQuote(u)) describes = false;
    const bool is_aside = (kAsideOpeners.Contains(tokens_[aside_start].hash) && !describes) ||
                          IsLowerIng(aside_start);
    if (!is_aside) {
      aside = {tokens_[aside_start].begin, tokens_[t - 1].end};
      aside_first = aside_start;
    }
    for (int segment = 0;; ++segment) {
      if (open == range_begin_) return {};
      // "Bret Stephens, who, after trading insults with Mr. Hannity, said":
      // the relative pronoun before the aside is the subject.
      if (segment == 0 && tokens_[open - 1].hash == kWho && !InQuote(open - 1) &&
          open - 1 > range_begin_ && IsComma(open - 2)) {
        *first_token = open - 1;
        return {tokens_[open - 1].begin, tokens_[open - 1].end};
      }
      uint32_t first = 0;
      Span head = PhraseWithParenthesis(open - 1, &first);
      // "Cory Hale, 27, of Flint, Mich., said": an age, a hometown or a state
      // between commas belongs to the name before them.
      for (int hop = 0; hop < 3 && !head.empty() && first > range_begin_ + 1 && IsComma(first - 1);
           ++hop) {
        const Token& f = tokens_[first];
        const bool part = f.hash == kOf || f.hash == kFrom || f.kind == TokenKind::kNumber ||
                          (IsCapitalized(first) && f.size() <= 5 &&
                           head.end <= tokens_[first + 1].end);
        if (!part) break;
        uint32_t earlier = 0;
        const Span more = ExtendLeftPhrase(first - 2, &earlier);
        if (more.empty()) break;
        // The phrase before fills its segment ("The Lord Chief Justice,
        // Lord Woolf"), unlike an opening phrase's object ("Recalling that
        // moment, David Axelrod").
        if (earlier > range_begin_ && !IsComma(earlier - 1) && !IsPunct(earlier - 1)) break;
        head.begin = more.begin;
        first = earlier;
      }
      // The segment before the aside opens with "who", "meanwhile" or the
      // like, and the phrase found does not fill it: look before it.
      if (segment < 2) {
        uint32_t seg = open;
        while (seg > range_begin_ && !IsComma(seg - 1) && !InQuote(seg - 1) && open - seg < 30)
          --seg;
        if (seg > range_begin_ + 1 && IsComma(seg - 1) && seg < open &&
            (head.empty() || first > seg) &&
            (kAsideOpeners.Contains(tokens_[seg].hash) || IsLowerIng(seg) ||
             (seg + 1 == open && IsLyAdverb(seg)))) {
          open = seg - 1;
          continue;
        }
      }
      if (head.empty()) {
        if (aside.empty()) return {};
        *first_token = aside_first;
        return aside;
      }
      *first_token = first;
      // A relative clause describes the phrase right before it only
      // ("Osei, meanwhile, who has ..., said" is Osei).
      if (!aside.empty() && !(describes && segment > 0)) head.end = aside.end;
      return head;
    }
  }
  // "A former candidate -- John McCain, who lost in 2008 -- said": the
  // phrase before the dashes, with the apposition between them.
  if (IsDash(t) && allow_aside_skip) {
    uint32_t k = t;
    while (k > range_begin_ + 1 && IsDash(k - 1)) --k;  // "--" typed as two hyphens
    while (k > range_begin_ && t - k < 25 && !InQuote(k - 1) && !IsDash(k - 1)) --k;
    if (k <= range_begin_ + 1 || !IsDash(k - 1)) return {};
    uint32_t open = k - 1;
    while (open > range_begin_ + 1 && IsDash(open - 1)) --open;
    Span head = ExtendLeftPhrase(open - 1, first_token);
    if (head.empty()) return {};
    uint32_t close = t;
    while (close > k && IsDash(close - 1)) --close;
    if (!kAsideOpeners.Contains(tokens_[k].hash) && close > k) head.end = tokens_[close - 1].end;
    return head;
  }
  // "Sen. Ana Costa (D-Ore.) said": the name before the parenthesis.
  if (tokens_[t].hash == kParenClose) {
    uint32_t k = t;
    while (k > range_begin_ && tokens_[k].hash != kParenOpen && t - k < 24) --k;
    if (tokens_[k].hash != kParenOpen || k == range_begin_ || IsPunct(k - 1)) return {};
    Span head = ExtendLeftPhrase(k - 1, first_token);
    if (head.empty()) return {};
    head.end = tokens_[t].end;
    return head;
  }
  if (IsPunct(t) && !AbbreviationPeriod(t) && !PercentSign(t)) return {};
  Span phrase = ExtendLeftPhrase(t, first_token);
  // "The union sent a letter this week urging", "Costa released a new ad
  // calling": the participle is said through the object, by the subject of
  // the verb that put it out.
  // ("have launched petitions calling": the phrase took the bare verb. Not
  // "issued a statement saying", whose noun is a cue that carries it.)
  uint32_t put_out = *first_token;
  if (!phrase.empty() && put_out < t && put_out > range_begin_ &&
      kAuxiliaries.Contains(tokens_[put_out - 1].hash))
    ++put_out;
  if (!phrase.empty() && IsLowerIng(verb) && !InVerbCue(t) && put_out > range_begin_ + 1 &&
      put_out <= t &&
      IsLowerWord(put_out - 1) && !InQuote(put_out - 1) &&
      kPublishingVerbs.Contains(tokens_[put_out - 1].hash)) {
    uint32_t sf = 0;
    const Span subject = LeftPhrase(put_out - 1, false, &sf);
    if (!subject.empty()) {
      *first_token = sf;
      return subject;
    }
  }
  // "Sanders spent much of his campaign railing against", "speakers took
  // turns urging", "she sent an email saying": a past tense inside the
  // phrase is its verb, and a gerund after the verb's object shares the
  // verb's subject.
  for (uint32_t u = phrase.empty() ? t : *first_token; !phrase.empty() && u < t; ++u) {
    const uint64_t h = tokens_[u].hash;
    if (u <= range_begin_ || !IsLowerWord(u) || InQuote(u)) continue;
    const bool past = kIrregularPast.Contains(h) && h != kLeft && h != kSet && h != kCut &&
                      h != kPut && h != kHit && h != kLet && h != kBeat && h != kLed;
    // ("Christie unleashed withering attacks": a name, then a past tense.)
    const bool pronoun_then_ed = EndsWith(TokenText(u), "ed") &&
                                 (kPersonalSubjects.Contains(tokens_[u - 1].hash) ||
                                  (IsNameWord(u - 1) && tokens_[u].has(kSpaceBefore) &&
                                   !kParticipleAdjectives.Contains(h) &&
                                   !kReceivingVerbs.Contains(h)));
    if (!past && !pronoun_then_ed) continue;
    uint32_t sf = 0;
    const Span subject = ExtendLeftPhrase(u - 1, &sf);
    if (subject.empty() || (sf < *first_token && u > *first_token)) break;
    *first_token = sf;
    return subject;
  }
  // "Sanders and his aides say", "She and her staff vowed": a short
  // conjunct opening the clause before "and" shares the verb. (Not when
  // it holds a verb: "Costa won and her aides said".)
  // So does the head of a noun phrase before a preposition: "The museum
  // in Washington issued", "A study by the group found".
  const uint32_t f = *first_token;
  const uint64_t joint = f >= range_begin_ + 2 ? tokens_[f - 1].hash : 0;
  const bool preposition = joint == kIn || joint == kAt || joint == kFrom || joint == kBy ||
                           joint == kOn;
  if (!phrase.empty() && f >= range_begin_ + 2 && (joint == kAnd || preposition) &&
      !InQuote(f - 1)) {
    uint32_t lf = 0;
    const Span left = ExtendLeftPhrase(f - 2, &lf);
    // Not an occasion after a name ("Costa in her budget speech called",
    // "Costa at a rally said"); a thing's place stays ("a statement on
    // her website said").
    const bool occasion = (joint == kIn || joint == kAt || joint == kOn) && !left.empty() &&
                          !kDeterminers.Contains(tokens_[lf].hash) &&
                          (kPossessiveDeterminers.Contains(tokens_[f].hash) ||
                           tokens_[f].hash == kA || tokens_[f].hash == kAn);
    bool opens_clause = !left.empty() && !occasion && f - 2 - lf < 5 &&
                        (lf == range_begin_ || IsPunct(lf - 1) ||
                         (kSentenceAdverbs.Contains(tokens_[lf - 1].hash) &&
                          tokens_[lf - 1].hash != kAnd));
    for (uint32_t u = lf; opens_clause && u <= f - 2; ++u) {
      const std::string_view w = TokenText(u);
      if ((IsLowerWord(u) && (EndsWith(w, "ed") || EndsWith(w, "ing") ||
                              kIrregularPast.Contains(tokens_[u].hash) || InVerbCue(u))) ||
          kTimeWords.Contains(tokens_[u].hash) ||
          (u == lf && (EndsWith(w, "ed") || EndsWith(w, "ing"))) ||
          tokens_[u].kind == TokenKind::kNumber || InQuote(u))
        opens_clause = false;
    }
    if (opens_clause) {
      phrase.begin = left.begin;
      *first_token = lf;
    }
  }
  return phrase;
}

Span Attributor::PhraseWithParenthesis(uint32_t end_token, uint32_t* first_token) const {
  if (tokens_[end_token].hash != kParenClose || InQuote(end_token))
    return ExtendLeftPhrase(end_token, first_token);
  uint32_t k = end_token;
  while (k > range_begin_ && tokens_[k].hash != kParenOpen && end_token - k < 24) --k;
  if (tokens_[k].hash != kParenOpen || k == range_begin_ || IsPunct(k - 1)) return {};
  Span head = ExtendLeftPhrase(k - 1, first_token);
  if (!head.empty()) head.end = tokens_[end_token].end;
  return head;
}

bool Attributor::AgentFollows(uint32_t cue_last) const {
  if (cue_last + 2 >= range_end_ || tokens_[cue_last + 1].hash != kBy || InQuote(cue_last + 1) ||
      InQuote(cue_last + 2))
    return false;
  uint32_t k = cue_last + 2;
  if (ChunkAt(k) >= 0) return true;
  const uint64_t h = tokens_[k].hash;
  if (h == kThe || kPossessiveDeterminers.Contains(h)) {
    if (k + 1 >= range_end_ || InQuote(k + 1)) return false;
    ++k;
  } else if (!IsCapitalized(k)) {
    return false;
  }
  if (tokens_[k].kind != TokenKind::kWord || IsLowerIng(k)) return false;
  return !kMeansNouns.Contains(tokens_[k].hash);
}

bool Attributor::LoneVerbWord(uint32_t t) const {
  if (tokens_[t].kind != TokenKind::kWord || InQuote(t) || ChunkAt(t) >= 0) return false;
  const uint64_t h = tokens_[t].hash;
  if (kSubjectPronouns.Contains(h) || kSubjectContractions.Contains(h) ||
      kObjectPronouns.Contains(h) || kRelativePronouns.Contains(h))
    return false;
  const std::string_view w = TokenText(t);
  const bool ing = EndsWith(w, "ing") && !EndsWith(w, "thing");
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(t, &s_first, &s_end);
  // A capitalised gerund opening a sentence whose subject follows a comma,
  // not a name in -ing ("Schilling told", "Browning, who ...").
  if (IsCapitalized(t)) {
    if (!ing || t != s_first || w.size() < 5 || PersonWithPart(h) >= 0 || t + 1 >= s_end ||
        !IsLowerWord(t + 1))
      return false;
    for (uint32_t u = t + 1; u < s_end; ++u)
      if (IsComma(u) && !InQuote(u)) return true;
    return false;
  }
  if (!IsLowerWord(t)) return false;
  // The word before, as a word of its own ("would-be critics" is a noun).
  const bool has_before = t > range_begin_ && t > s_first && !InQuote(t - 1) &&
                          tokens_[t].has(kSpaceBefore) && tokens_[t - 1].has(kSpaceBefore);
  const uint64_t b = has_before ? tokens_[t - 1].hash : 0;
  if (has_before && kAuxiliaries.Contains(b)) return true;
  // "to sow doubts", "to help write"; not "went to ads extolling".
  if (has_before && b == kTo && (!EndsWith(w, "s") || EndsWith(w, "ss"))) return true;
  // "fairly expansive plans", "no overt mention", "can reasonably campaign":
  // a word after a degree word or an -ly adverb modifies the cue or is a
  // verb; a plural noun there is a subject ("the more voters fear").
  if (has_before && (kDegreeOrNegation.Contains(b) || IsLyAdverb(t - 1)) && !EndsWith(w, "s"))
    return true;
  const bool determined = has_before && (kDeterminers.Contains(b) ||
                                         kDemonstratives.Contains(b) ||
                                         kPossessiveDeterminers.Contains(b));
  if (determined) return false;
  return ing || (EndsWith(w, "ed") && w.size() > 4) || kIrregularParticiples.Contains(h);
}

bool Attributor::BareFunctionWord(uint32_t first, uint32_t last) const {
  if (first != last) return false;
  const uint64_t h = tokens_[first].hash;
  if (kSubjectPronouns.Contains(h) || kSubjectContractions.Contains(h)) return false;
  return h == kPossessive || IsPunct(first) || kBoundaries.Contains(h) ||
         kDeterminers.Contains(h) || kNounMarkers.Contains(h) ||
         kRelativePronouns.Contains(h) || kVerbModifiers.Contains(h) ||
         kIntroOpeners.Contains(h);
}

int64_t Attributor::SkipModifiers(uint32_t verb, bool* saw_be) const {
  SkipMemo& memo = skip_memo_;
  if (memo.verb != verb || memo.range_begin != range_begin_ || memo.range_end != range_end_) {
    bool be = false;
    memo.result = WalkModifiers(verb, &be);
    memo.verb = verb;
    memo.range_begin = range_begin_;
    memo.range_end = range_end_;
    memo.saw_be = be;
  }
  if (saw_be && memo.saw_be) *saw_be = true;
  return memo.result;
}

int64_t Attributor::WalkModifiers(uint32_t verb, bool* saw_be) const {
  int64_t i = static_cast<int64_t>(verb) - 1;
  while (i >= static_cast<int64_t>(range_begin_)) {
    const auto t = static_cast<uint32_t>(i);
    const uint64_t h = tokens_[t].hash;
    if (saw_be && kBeForms.Contains(h) && h != kPossessive) *saw_be = true;
    // "Cruz on Tuesday dismissed", "Trump last week said": a time between
    // subject and verb.
    if (kTimeWords.Contains(h)) {
      --i;
      while (i >= static_cast<int64_t>(range_begin_) &&
             kTimeOpeners.Contains(tokens_[static_cast<uint32_t>(i)].hash))
        --i;
      continue;
    }
    if (kVerbModifiers.Contains(h) || IsLyAdverb(t)) {
      --i;
      continue;
    }
    // "is most proud of", "have become increasingly vocal about", "are
    // growing more comfortable with": an adjective's degree word and
    // linking verb stand between it and its subject (a degree word only
    // after a verb form, so "Most said" keeps its subject; "growing" only
    // after "be", so "amid growing concern about" stays a noun phrase).
    if (kLinkingVerbs.Contains(h) && IsLowerWord(t) &&
        (!EndsWith(TokenText(t), "ing") ||
         (t > range_begin_ && kBeForms.Contains(tokens_[t - 1].hash)))) {
      --i;
      continue;
    }
    if (kDegreeWords.Contains(h) && t > range_begin_) {
      const uint64_t p = tokens_[t - 1].hash;
      if (kBeForms.Contains(p) || kVerbModifiers.Contains(p) || kLinkingVerbs.Contains(p) ||
          IsLyAdverb(t - 1)) {
        --i;
        continue;
      }
    }
    // "most recently defended", "more forcefully argued".
    if ((h == kMost || h == kMore) && t + 1 < verb && IsLyAdverb(t + 1)) {
      --i;
      continue;
    }
    // "Trump at the time said", "who has in the past described".
    if (PhraseOfTime(t)) {
      i -= 3;
      continue;
    }
    // "so far hasn't attacked", "have in fact reported", "have in
    // particular noted", "are on record opposing", "for the first time
    // cited": an adverbial phrase.
    if (t >= range_begin_ + 1 && IsLowerWord(t)) {
      const std::string_view w = TokenText(t), p = TokenText(t - 1);
      if ((w == "far" && p == "so") || (w == "course" && p == "of") ||
          (p == "in" && (w == "fact" || w == "particular" || w == "turn")) ||
          (p == "on" && w == "record")) {
        i -= 2;
        continue;
      }
      if (w == "time" && p == "first" && t >= range_begin_ + 3 && TokenText(t - 2) == "the" &&
          TokenText(t - 3) == "for") {
        i -= 4;
        continue;
      }
    }
    // "The ministry two weeks ago said", "less than a year ago found": a
    // time counted back from now.
    if (IsLowerWord(t) && TokenText(t) == "ago" && t >= range_begin_ + 2 &&
        (kTimeUnits.Contains(tokens_[t - 1].hash) || kTimeWords.Contains(tokens_[t - 1].hash))) {
      int64_t j = static_cast<int64_t>(t) - 2;
      const auto n = static_cast<uint32_t>(j);
      if (tokens_[n].kind == TokenKind::kNumber || kNumberWords.Contains(tokens_[n].hash) ||
          tokens_[n].hash == kA || tokens_[n].hash == kAn || TokenText(n) == "few" ||
          TokenText(n) == "several")
        --j;
      if (j >= static_cast<int64_t>(range_begin_) + 1 &&
          TokenText(static_cast<uint32_t>(j)) == "than") {
        const std::string_view m = TokenText(static_cast<uint32_t>(j - 1));
        if (m == "less" || m == "more") j -= 2;
      }
      i = j;
      continue;
    }
    // "who in 2010 said", "a panel in 2001 found": a year.
    if (Year(t) && TokenText(t).find_first_not_of("0123456789") == std::string_view::npos &&
        t > range_begin_ && tokens_[t - 1].hash == kIn) {
      i -= 2;
      continue;
    }
    // "he's said", "that's worried": the clitic is "has" or "is". Before
    // a participle it is "has" ("he's said he will run", "who's argued
    // for years") unless an agent or an infinitive follows ("he's said to
    // be", "she's backed by").
    if (h == kPossessive && t > range_begin_ &&
        (kSubjectPronouns.Contains(tokens_[t - 1].hash) ||
         kRelativePronouns.Contains(tokens_[t - 1].hash))) {
      if (saw_be && verb + 1 < range_end_ &&
          (tokens_[verb + 1].hash == kBy || tokens_[verb + 1].hash == kTo))
        *saw_be = true;
      --i;
      continue;
    }
    break;
  }
  return i;
}

Attributor::Before Attributor::BeforeVerb(uint32_t verb, bool participle, bool passive_form,
                                          uint32_t* at) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(verb, &s_first, &s_end);
  // "Asked about the vote, ...": a participle opening the sentence;
  // "Speaking in Ohio, the senator said": a present participle's subject
  // follows its phrase.
  if (verb <= s_first) {
    if (passive_form) return Before::kPassive;
    return participle ? Before::kOpeningParticiple : Before::kNothing;
  }
  bool saw_be = false;
  const int64_t i = SkipModifiers(verb, &saw_be);
  if (i < static_cast<int64_t>(range_begin_))
    return passive_form ? Before::kPassive : Before::kNothing;
  const auto t = static_cast<uint32_t>(i);
  *at = t;
  const uint64_t h = tokens_[t].hash;
  // "was criticized", "has been told"; "when asked", "if elected".
  if (passive_form && (saw_be || kSubordinators.Contains(h))) return Before::kPassive;
  if (InQuote(t)) {
    // ', "...," saying': the participle follows the quotation's comma.
    if (participle && tokens_[t].has(kCloseQuote) && t > range_begin_ && IsComma(t - 1))
      return Before::kParticiple;
    // 'Osei, who calls the levy a “fraud,” said': a few quoted words inside
    // an aside, after a word of it.
    if (tokens_[t].has(kCloseQuote) && t > range_begin_ + 1 && IsComma(t - 1)) {
      uint32_t open = t - 1;
      while (open > range_begin_ && !tokens_[open].has(kOpenQuote) && t - open < 8) --open;
      if (tokens_[open].has(kOpenQuote) && open > s_first && IsLowerWord(open - 1) &&
          !InQuote(open - 1))
        return Before::kSubject;
    }
    return Before::kNothing;
  }
  if (h == kTo) {
    // "went on to say", "continued to argue": the governing verb's subject.
    int64_t g = static_cast<int64_t>(t) - 1;
    while (g >= static_cast<int64_t>(range_begin_) && IsLyAdverb(static_cast<uint32_t>(g))) --g;
    // "tried on Tuesday to make the case", "struggled last week to explain".
    if (g > static_cast<int64_t>(range_begin_) &&
        kTimeWords.Contains(tokens_[static_cast<uint32_t>(g)].hash) &&
        !InQuote(static_cast<uint32_t>(g))) {
      --g;
      while (g >= static_cast<int64_t>(range_begin_) &&
             kTimeOpeners.Contains(tokens_[static_cast<uint32_t>(g)].hash))
        --g;
    }
    if (g >= static_cast<int64_t>(range_begin_)) {
      auto gv = static_cast<uint32_t>(g);
      // "decided on Monday to say", "met last week to discuss": a time
      // between the verb and its infinitive.
      if (gv >= range_begin_ + 2 && kTimeWords.Contains(tokens_[gv].hash) &&
          kTimeOpeners.Contains(tokens_[gv - 1].hash) && !InQuote(gv - 1))
        gv -= 2;
      if (tokens_[gv].hash == kOn && gv > range_begin_) --gv;  // "went on to"
      if (!InQuote(gv) && IsLowerWord(gv) && kCatenatives.Contains(tokens_[gv].hash)) {
        *at = gv;
        return Before::kCatenative;
      }
      // "gathered at a diner to talk about", "appeared on the show to
      // defend her": a purpose after a verb of going or meeting and its place.
      for (uint32_t k = gv + 1; k > range_begin_ && gv + 1 - k < 8; --k) {
        if (k <= gv &&
            ((IsPunct(k) && !InQuote(k)) || InVerbCue(k) || kTimeUnits.Contains(tokens_[k].hash) ||
             tokens_[k].hash == kTo || tokens_[k].hash == kAnonymity ||
             kRelativePronouns.Contains(tokens_[k].hash) ||
             kSubordinators.Contains(tokens_[k].hash)))
          break;
        if (kPurposeVerbs.Contains(tokens_[k - 1].hash) && !InQuote(k - 1) &&
            !InVerbCue(k - 1) && IsLowerWord(k - 1)) {
          *at = k - 1;
          return Before::kCatenative;
        }
      }
      // "pressure on her to explain", "led Republicans to say"; a headline's
      // "Obama to frame election as a test", whose name opens it.
      const std::string_view gw = TokenText(gv);
      const bool headline = gv == s_first && !EndsWith(gw, "ing") && !EndsWith(gw, "ed");
      if (!InQuote(gv) && (kObjectPronouns.Contains(tokens_[gv].hash) ||
                           (IsNameWord(gv) && (headline || (gv > s_first && !IsPunct(gv - 1)))))) {
        *at = gv;
        return Before::kObject;
      }
      // "used his keynote speech to offer", "took the opportunity to
      // thank", "went out of his way to say", "went so far as to say": the
      // infinitive is the subject's of the verb a short object or idiom
      // away.
      for (uint32_t k = gv; k > range_begin_ && gv - k < 5; --k) {
        if (InQuote(k) || IsPunct(k) || InVerbCue(k) || kTimeUnits.Contains(tokens_[k].hash))
          break;
        const uint64_t kh = tokens_[k - 1].hash;
        const bool go_idiom = kGoForms.Contains(kh) &&
                              (tokens_[gv].hash == kWay || tokens_[gv].hash == kAs);
        // Not the passive "is used by many to unveil".
        const bool passive = k >= range_begin_ + 2 && EndsWith(TokenText(k - 1), "ed") &&
                             kBeForms.Contains(tokens_[k - 2].hash);
        if ((kInstrumentVerbs.Contains(kh) || go_idiom) && !passive && !InQuote(k - 1) &&
            IsLowerWord(k - 1)) {
          *at = k - 1;
          return Before::kCatenative;
        }
      }
      // "allowing users to report", "forced the chairwoman to resign": the
      // object of a verb of permission or pressure does what follows.
      for (uint32_t k = gv; k > range_begin_ && gv - k < 5; --k) {
        if (InQuote(k) || IsPunct(k) || InVerbCue(k) || tokens_[k].hash == kTo) break;
        if (kObjectControlVerbs.Contains(tokens_[k - 1].hash)) {
          if (k == gv && kObjectPronouns.Contains(tokens_[k].hash)) break;
          *at = gv;
          return Before::kControlled;
        }
      }
    }
    // "went on CNN to declare", "more likely to say": an infinitive right
    // after a verb form or an -ly adjective is the clause subject's (not
    // "a reason to question", "easy to criticize"; not "authorized to
    // discuss", the boilerplate of an anonymous source).
    // A governing cue ("declined to", "wants to") carries the attribution.
    if (t > range_begin_ && !InQuote(t - 1) && IsLowerWord(t - 1) && !InVerbCue(t) &&
        !InVerbCue(t - 1)) {
      // The cue must be a base form ("responding to calls for" is a noun
      // after a preposition), the word before no "-thing" ("something to
      // say").
      const std::string_view w = TokenText(t - 1), v = TokenText(verb);
      const bool base = !EndsWith(v, "ed") && !EndsWith(v, "ing") &&
                        !(EndsWith(v, "s") && !EndsWith(v, "ss") && !EndsWith(v, "us"));
      // "pivoted to arguing", "was back to boasting": a gerund after a verb
      // of turning is the subject's too; "here to say" is a purpose.
      const uint64_t wh = tokens_[t - 1].hash;
      const bool turn = EndsWith(v, "ing") && (EndsWith(w, "ed") || wh == kBack) &&
                        !(t > range_begin_ + 1 && tokens_[t - 2].hash == kAs);
      if (((base && (EndsWith(w, "ed") || (EndsWith(w, "ing") && !EndsWith(w, "thing")) ||
                     EndsWith(w, "ly") || wh == kHere)) ||
           turn) &&
          !kPermissionWords.Contains(wh)) {
        *at = t - 1;
        return Before::kPurpose;
      }
    }
    return Before::kInfinitive;
  }
  if (kSubjectContractions.Contains(h)) return Before::kContraction;
  // "started asking", "kept saying", "spent the week attacking": a gerund
  // after a verb of beginning or going on shares that verb's subject.
  if (participle && IsLowerWord(t) && kAspectualVerbs.Contains(h)) return Before::kCatenative;
  // "spent much of his speech defending", "spent more time talking about":
  // a gerund after "spend" and a stretch of time or effort is the spender's.
  if (participle) {
    for (uint32_t k = t; k > range_begin_ && t - k < 11; --k) {
      const bool hyphen = tokens_[k].hash == kHyphen && !IsDash(k);  // "the run-up"
      if (InQuote(k) || (IsPunct(k) && !hyphen) || (InVerbCue(k) && ChunkAt(k) < 0)) break;
      // Not money "spent on ads attacking" him.
      if (IsLowerWord(k) && kSpendForms.Contains(tokens_[k].hash) &&
          !kBeForms.Contains(tokens_[k - 1].hash) && !kDeterminers.Contains(tokens_[k - 1].hash) &&
          tokens_[k + 1].hash != kOn) {
        *at = k;
        return Before::kCatenative;
      }
    }
  }
  if (h == kAnd || h == kOr || h == kBut || h == kNor) return Before::kCoordinated;
  // "held rallies in hopes of", "bought shares in a bid to", "with plans
  // to": a phrase of purpose is the clause subject's, like a participle.
  // (The cue stands for the word before, which may be a verb cue's "in".)
  if (kPurposeNouns.Contains(tokens_[verb].hash) && IsLowerWord(verb)) {
    uint32_t p = t;
    if ((h == kA || h == kAn || h == kThe) && p > range_begin_) --p;
    if ((tokens_[p].hash == kIn || tokens_[p].hash == kWith) && p > s_first && !InQuote(p) &&
        !IsPunct(p - 1)) {
      *at = verb;
      return Before::kParticiple;
    }
  }
  if (participle && (IsComma(t) || h == kDash || kGerundPrepositions.Contains(h) ||
                     (tokens_[t].has(kCloseQuote) && t > range_begin_ && IsComma(t - 1))))
    return Before::kParticiple;
  // "took the unusual step of criticizing", "made a point of saying",
  // "instead of calling", "stopped short of endorsing": a gerund after
  // "of" that follows a word of doing, not a noun of speech ("critics of").
  if (participle && h == kOf && t > range_begin_ && kGerundOfWords.Contains(tokens_[t - 1].hash))
    return Before::kParticiple;
  if (kRelativePronouns.Contains(h)) return Before::kRelative;
  // "Several said", "many argued"; a capitalised word inside the sentence
  // is a name even when it is spelt like a preposition ("From said").
  if (kSubjectPronouns.Contains(h)) return Before::kSubject;
  if (IsCapitalized(t) && t > s_first && !IsPunct(t - 1)) return Before::kSubject;
  // "make them feel", "let me say": a causative's object is no source.
  if (kObjectPronouns.Contains(h) && t > range_begin_ &&
      kCausatives.Contains(tokens_[t - 1].hash))
    return Before::kNoun;
  if (kPossessiveDeterminers.Contains(h) || h == kPossessive) return Before::kPossessor;
  if (kNounMarkers.Contains(h)) return Before::kNoun;
  // "40 pledged delegates": a participle between a number and its noun.
  // ("About four in 10 said they ...": a share of a poll speaking.)
  // A year is a time, never the speaker ("who in 2010 said"), unless it
  // ends a name ("Transport 2000 said").
  if (tokens_[t].kind == TokenKind::kNumber && passive_form && verb + 1 < range_end_ &&
      IsLowerWord(verb + 1) && !kRelativePronouns.Contains(tokens_[verb + 1].hash) &&
      tokens_[verb + 1].hash != kTo) {
    const uint64_t next = tokens_[verb + 1].hash;
    const bool year = Year(t) && !(t > range_begin_ && IsCapitalized(t - 1));
    const bool clause_follows = kBoundaries.Contains(next) || kSubjectPronouns.Contains(next) ||
                                kDeterminers.Contains(next);
    if (year || !clause_follows) return Before::kNoun;
  }
  // "lingering doubts", "unmet promises", "their best hope": an adjective
  // before the cue makes it a noun.
  // ("Exit polling shows": a gerund without an article is a subject.)
  // ("A new ranking says", "the ruling stated": a finite verb makes the
  // -ing word before it a noun, its subject.)
  if (IsLowerWord(t) && !kSubjectPronouns.Contains(h) && LooksAdjective(TokenText(t)) &&
      !(EndsWith(TokenText(t), "ing") && FiniteOnly(verb)) &&
      (!EndsWith(TokenText(t), "ing") ||
       (t > range_begin_ && (kDeterminers.Contains(tokens_[t - 1].hash) ||
                             kPossessiveDeterminers.Contains(tokens_[t - 1].hash)))))
    return Before::kNoun;
  // "sought-after", "well-known": part of a hyphenated compound.
  if (h == kHyphen && !IsDash(t)) return Before::kNoun;
  return Before::kSubject;
}

Span Attributor::SubjectPhrase(uint32_t start, uint32_t limit, uint32_t* last_token) const {
  bool any = false, after_det = false, after_name = false;
  uint32_t last = start;
  int words = 0;
  for (uint32_t t = start; t < limit && t < range_end_; ++t) {
    if (InQuote(t)) break;
    const int chunk = ChunkAt(t);
    if (chunk >= 0) {
      const CueMatch& m = analysis_.cues[static_cast<size_t>(chunk)];
      last = std::min(m.first_token + m.token_count, range_end_) - 1;
      t = last;
      any = true;
      after_det = false;
      after_name = true;
      continue;
    }
    const Token& tok = tokens_[t];
    if (tok.hash == kPossessive && any) {
      last = t;
      after_det = true;
      after_name = false;
      continue;
    }
    if ((tok.hash == kOf || tok.hash == kHyphen) && any) {
      after_det = true;
      after_name = false;
      continue;
    }
    if (tok.hash == kAnd && any && t > start && IsCapitalized(t - 1) && t + 1 < limit &&
        IsCapitalized(t + 1))
      continue;
    if (kDeterminers.Contains(tok.hash)) {
      if (any && !after_det) break;
      after_det = true;
      continue;
    }
    if (tok.kind == TokenKind::kPunct) break;
    if (kSubjectPronouns.Contains(tok.hash) && !any) {
      last = t;
      any = true;
      break;
    }
    if (kBoundaries.Contains(tok.hash)) break;
    if (IsCapitalized(t) || tok.has(kAllUpper) || tok.kind == TokenKind::kNumber) {
      // A sentence opener ("The") or a capitalised word after a lower-case
      // noun ("the campaign Monday") ends nothing: take it.
      last = t;
      any = true;
      after_det = false;
      after_name = true;
      ++words;
      continue;
    }
    // A lower-case word: part of the phrase after a determiner or another
    // modifier; after a name or a noun, it is the verb ("Cruz took", "the
    // departments declined").
    if (IsLyAdverb(t)) break;
    if (any && !after_det) {
      if (after_name) break;
      const std::string_view w = TokenText(t);
      if (EndsWith(w, "ed") || words >= 4 || kIrregularPast.Contains(tok.hash) ||
          kIrregularParticiples.Contains(tok.hash))
        break;
    }
    if (words >= 6) break;
    last = t;
    any = true;
    after_det = false;
    after_name = false;
    ++words;
  }
  if (!any) return {};
  *last_token = last;
  return {tokens_[start].begin, tokens_[last].end};
}

bool Attributor::ColonSpeaker(uint32_t colon, Span* source, uint32_t* first,
                              uint32_t* last) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(colon, &s_first, &s_end);
  if (colon <= s_first) return false;
  // A transcript quoted whole opens each turn with a quotation mark
  // ("\"COSTA: We will ..."): the mark does not put the speaker inside
  // the quotation.
  if (InQuote(colon - 1) && !QuotedTurn(colon)) return false;
  uint32_t end = colon - 1;
  uint32_t name_end = end;
  // "Rep. Ana Costa (D-Ore.):" keeps its parenthesis.
  if (tokens_[end].hash == kParenClose) {
    uint32_t k = end;
    while (k > s_first && tokens_[k].hash != kParenOpen && end - k < 8) --k;
    if (tokens_[k].hash != kParenOpen || k == s_first) return false;
    name_end = k - 1;
  }
  uint32_t f = 0;
  const Span name = ExtendLeftPhrase(name_end, &f);
  if (name.empty() || !IsCapitalized(f) || name_end - f > 6) return false;
  // "Correction:", "Update:", "Watch:": a label, not a speaker.
  if (kKickerLabels.Contains(tokens_[name_end].hash)) return false;
  // The speaker's words follow in the same sentence.
  int after = 0;
  for (uint32_t k = colon + 1; k < s_end && after < 2; ++k)
    if (!IsPunct(k)) ++after;
  if (after < 2) return false;
  // "Osei: Now or never." alone in its paragraph within the text: a section
  // heading over the paragraphs about Osei, unless the next paragraph is
  // another speaker's turn ("LIND: Why?").
  const Sentence* sen = SentenceAt(colon);
  int words = 0;
  for (uint32_t k = colon + 1; k < s_end && words <= 5; ++k)
    if (!IsPunct(k)) ++words;
  if (words <= 5 && sen && sen->paragraph > 0 &&
      seg_.paragraphs[sen->paragraph].sentence_count == 1 &&
      sen->paragraph + 1 < seg_.paragraphs.size()) {
    const Sentence& next = seg_.sentences[seg_.paragraphs[sen->paragraph + 1].first_sentence];
    bool turn = false;
    for (uint32_t k = next.first_token; k < next.first_token + std::min(next.token_count, 6u); ++k)
      if (tokens_[k].hash == kColon) turn = true;
    if (!turn) return false;
  }
  // "Ohio: Ana Costa, Mara Lind, Cory Hale, ...": a list of names under a
  // heading, not words spoken.
  int names = 0, commas = 0;
  for (uint32_t k = colon + 1; k < s_end && names < 8; ++k) {
    if (IsComma(k)) {
      ++commas;
    } else if (IsCapitalized(k)) {
      ++names;
    } else if (!IsPunct(k)) {
      break;
    }
  }
  if (commas >= 2 && names >= 6) return false;
  // What stands before the name: nothing, a dash, or two words at most
  // ("More from Ana Costa:").
  uint32_t start = s_first;
  for (uint32_t k = f; k > s_first; --k)
    if (tokens_[k - 1].hash == kDash || tokens_[k - 1].hash == kHyphen) {
      start = k;
      break;
    }
  while (start < f && IsPunct(start)) ++start;
  // A headline's "Costa on the levy:", "Costa to farmers:": the name
  // opening it speaks on or to the phrase before the colon. In the text,
  // "Limited Tools to Fight Graft:" is a section's title.
  if (sen && sen->paragraph == 0 && f > start + 1 &&
      kHeadlineTopics.Contains(tokens_[f - 1].hash) && IsCapitalized(start)) {
    uint32_t g = 0;
    const Span speaker = ExtendLeftPhrase(f - 2, &g);
    if (!speaker.empty() && g == start) {
      *source = speaker;
      *first = g;
      *last = f - 2;
      return true;
    }
  }
  if (f - start > 2) return false;
  *source = {name.begin, tokens_[end].end};
  *first = f;
  *last = end;
  return true;
}

bool Attributor::QuotedTurn(uint32_t colon) const {
  if (tokens_[colon].hash != kColon) return false;
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(colon, &s_first, &s_end);
  return colon > s_first + 1 && colon - s_first <= 4 && tokens_[s_first].has(kOpenQuote);
}

bool Attributor::QuoteColonSpeaker(uint32_t colon, Span* source, uint32_t* first,
                                   uint32_t* last) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(colon, &s_first, &s_end);
  if (colon <= s_first || colon + 1 >= s_end || InQuote(colon) ||
      !tokens_[colon + 1].has(kOpenQuote))
    return false;
  if (ColonSpeaker(colon, source, first, last)) return true;
  uint32_t start = s_first;
  // "HEADLINE - Ana Costa: \"...\"": what follows the last dash.
  for (uint32_t t = colon; t > s_first; --t)
    if (IsDash(t - 1)) {
      start = t;
      break;
    }
  while (start < colon && (IsPunct(start) || InQuote(start))) ++start;
  // A verb before the colon ("she told the crowd:") is the cue itself.
  for (uint32_t t = start; t < colon; ++t)
    if (InQuote(t) || InVerbCue(t) || HasMark(t, kStartsOtherCue)) return false;
  // "The slogan will be: \"...\"", "The question is: \"...\"": what the
  // quotation is, not who said it.
  if (kBeForms.Contains(tokens_[colon - 1].hash)) return false;
  uint32_t f = 0, l = 0;
  // "From the report: \"...\"", "A lesson from Ana Costa: \"...\"": a
  // short lead-in whose "from" names where the quotation comes from.
  for (uint32_t t = start; t + 1 < colon && t <= start + 3; ++t) {
    if (tokens_[t].hash != kFrom) continue;
    const Span from = RightPhrase(t + 1, &l);
    if (from.empty() || l != colon - 1) break;
    *source = from;
    *first = t + 1;
    *last = l;
    return true;
  }
  // A name just before the colon is the speaker introduced ("... doesn't
  // surprise pollster Ana Costa: \"...\""), unless a preposition governs
  // it ("added on Radio Five:").
  uint32_t nb = 0, ne = 0;
  bool name = NameRun(start, colon - 1, &nb, &ne) && ne == colon - 1 && ne > nb;
  if (name) {
    uint32_t k = nb;
    while (k > start &&
           (IsCapitalized(k - 1) || ChunkAt(k - 1) >= 0 || tokens_[k - 1].hash == kPossessive))
      --k;
    if (k > start && kBoundaries.Contains(tokens_[k - 1].hash)) name = false;
  }
  if (name) {
    *source = {tokens_[nb].begin, tokens_[ne].end};
    *first = nb;
    *last = ne;
    return true;
  }
  const Span subject = MainSubject(start, colon, &f, &l);
  if (subject.empty()) return false;
  *source = subject;
  *first = f;
  *last = l;
  return true;
}

const Sentence* Attributor::SentenceAt(uint32_t token) const {
  for (uint32_t s = first_sentence_; s <= last_sentence_; ++s) {
    const Sentence& sen = seg_.sentences[s];
    if (token >= sen.first_token && token < sen.first_token + sen.token_count) return &sen;
  }
  return nullptr;
}

void Attributor::SentenceOf(uint32_t token, uint32_t* first, uint32_t* end) const {
  *first = range_begin_;
  *end = range_end_;
  if (const Sentence* sen = SentenceAt(token)) {
    *first = std::max(sen->first_token, range_begin_);
    *end = std::min(sen->first_token + sen->token_count, range_end_);
  }
}

uint32_t Attributor::ContentEnd(uint32_t begin, uint32_t s_end, bool subordinate) const {
  uint32_t end = begin;
  for (; end < s_end; ++end) {
    const uint64_t h = tokens_[end].hash;
    const bool closing = tokens_[end].has(kCloseQuote);
    if (InQuote(end) && !closing) continue;
    if (h == kSemicolon) break;
    if (subordinate && IsComma(end)) break;
    if ((IsComma(end) || closing) && end + 1 < s_end) {
      uint32_t k = end + 1;
      if (closing && k < s_end && IsComma(k)) ++k;
      if (k >= s_end) break;
      const uint64_t next = tokens_[k].hash;
      if (kClauseBreakers.Contains(next)) break;
      if (next == kAnd && !closing && !(k + 1 < s_end && tokens_[k + 1].hash == kThat)) break;
    }
  }
  return end;
}

bool Attributor::IntroTime(uint32_t t, uint32_t limit) const {
  // The phrase ends in "later", "earlier", "ago", "before" or "after"
  // ("The nurse later sued," and "Cruz continued on Saturday," do not).
  for (uint32_t u = t; u < limit && u < t + 5; ++u) {
    if (InQuote(u)) return false;
    if (IsComma(u)) return u > t && kTimeSpans.Contains(tokens_[u - 1].hash);
    if (IsPunct(u) || kPersonalSubjects.Contains(tokens_[u].hash)) return false;
  }
  return false;
}

Span Attributor::ObjectClauseSubject(uint32_t np_first, size_t cue_index, uint32_t* first,
                                     uint32_t* last) const {
  // After a preposition ("persistent in her criticism") the phrase may be
  // anyone's.
  if (np_first <= range_begin_ || !IsLowerWord(np_first - 1) || InQuote(np_first - 1) ||
      kPrepositions.Contains(tokens_[np_first - 1].hash))
    return {};
  // "Blair faced questions about", "the plan drew criticism from": the
  // subject is the target, not the holder.
  if (kReceivingVerbs.Contains(tokens_[np_first - 1].hash)) return {};
  uint32_t s_first = 0, s_end = 0, mf = 0, ml = 0;
  SentenceOf(np_first, &s_first, &s_end);
  Span subject = MainSubject(s_first, np_first, &mf, &ml);
  if (subject.empty()) return {};
  // The word before the phrase is the verb, even when the subject's forward
  // scan took it for a noun ("The port authority sent").
  if (ml + 1 >= np_first) {
    if (np_first < mf + 2) return {};
    ml = np_first - 2;
    subject = {tokens_[mf].begin, tokens_[ml].end};
  }
  if (np_first - ml > 6) return {};
  for (uint32_t k = ml + 1; k < np_first; ++k)
    if (IsPunct(k) || InQuote(k) || kRelativePronouns.Contains(tokens_[k].hash) ||
        kSubordinators.Contains(tokens_[k].hash) || tokens_[k].hash == kThat ||
        tokens_[k].hash == kAnd || tokens_[k].hash == kBut || tokens_[k].hash == kOr)
      return {};
  // A verb of saying or thinking between them opens a clause of its own
  // ("economists say his forecasts are wishful").
  for (size_t k = cue_index; k-- > 0;) {
    const CueMatch& o = *claim_cues_[k];
    if (o.first_token <= ml) break;
    const Entry& oe = EntryOf(o);
    if (oe.family == Family::kReportingVerbs && (std::string_view(oe.key) == "say" || Is(oe, kMental)))
      return {};
  }
  *first = mf;
  *last = ml;
  return subject;
}

bool Attributor::PollSubjectVerb(const CueMatch& doc, uint32_t* verb, uint32_t* subject_first,
                                 uint32_t* subject_last) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(doc.first_token, &s_first, &s_end);
  uint32_t f = 0, l = 0;
  if (MainSubject(s_first, s_end, &f, &l).empty()) return false;
  // The poll heads the subject: it ends it ("The new Quinnipiac poll").
  if (doc.first_token < f || doc.first_token + doc.token_count - 1 != l) return false;
  uint32_t v = l + 1;
  while (v < s_end && (IsLyAdverb(v) || kVerbModifiers.Contains(tokens_[v].hash)) &&
         !kBeForms.Contains(tokens_[v].hash) && !kPollVerbs.Contains(tokens_[v].hash))
    ++v;
  if (v >= s_end || InQuote(v) || !IsLowerWord(v) || InVerbCue(v) ||
      HasMark(v, kStartsOtherCue))
    return false;
  // What a poll "has", "puts", "gives" or "sees" is its finding ("has
  // Trump leading", "puts his approval at 49 percent"); what it "surveyed",
  // "included" or "carries" is its method, and "was conducted" no report.
  if (!kPollVerbs.Contains(tokens_[v].hash)) return false;
  // "has shown", "have found": the participle is the verb.
  if (v + 1 < s_end && (InVerbCue(v + 1) || IsQuote(v + 1) || PastParticiple(v + 1)))
    return false;
  // "The poll has a margin of error of 3 points": a property of the poll.
  const uint64_t h = tokens_[v].hash;
  if ((h == kHas || h == kHave || h == kHad) && v + 1 < s_end &&
      (tokens_[v + 1].hash == kA || tokens_[v + 1].hash == kAn))
    return false;
  *verb = v;
  *subject_first = f;
  *subject_last = l;
  return true;
}

bool Attributor::DocumentPreposition(const CueMatch& doc, uint32_t* in_token) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(doc.first_token, &s_first, &s_end);
  // The document ends its phrase: "in a poll tax" or "in poll numbers" name
  // no poll.
  const uint32_t after = doc.first_token + doc.token_count;
  // "voted in a poll to find the best film": the poll's subject, not a finding.
  if (after < s_end && tokens_[after].hash == kTo) return false;
  if (after < s_end && tokens_[after].kind == TokenKind::kWord && tokens_[after].hash != kOf &&
      !kBoundaries.Contains(tokens_[after].hash) && !kTimeWords.Contains(tokens_[after].hash) &&
      !(IsLowerWord(after) && EndsWith(TokenText(after), "ed")))
    return false;
  // Back over the document's modifiers ("a September Washington Post-ABC
  // News", "the latest"): words, hyphens, slashes and possessives, no
  // clause word.
  int words = 0;
  for (int64_t j = static_cast<int64_t>(doc.first_token) - 1; j >= static_cast<int64_t>(s_first);
       --j) {
    const uint32_t t = static_cast<uint32_t>(j);
    if (InQuote(t)) return false;
    if (tokens_[t].hash == kIn) {
      if (t == doc.first_token - 1) return false;  // "in polls", "in polling"
      const uint64_t next = tokens_[t + 1].hash;
      uint32_t open = s_first;
      while (open < t && (IsPunct(open) || InQuote(open))) ++open;
      if (t != open && next != kA && next != kAn) return false;
      *in_token = t;
      return true;
    }
    if (++words > 8) return false;
    if (tokens_[t].kind == TokenKind::kPunct) {
      if (tokens_[t].hash == kHyphen || tokens_[t].hash == kPossessive || TokenText(t) == "/" ||
          TokenText(t) == "&")
        continue;
      return false;
    }
    if (tokens_[t].hash == kPossessive) continue;
    if (kDeterminers.Contains(tokens_[t].hash)) continue;
    if (kBoundaries.Contains(tokens_[t].hash) || InVerbCue(t)) return false;
  }
  return false;
}

Span Attributor::MainSubject(uint32_t sentence_first, uint32_t limit, uint32_t* first_token,
                             uint32_t* last_token) const {
  uint32_t t = sentence_first;
  // Skip a quotation opening the sentence and the punctuation after it.
  while (t < limit && (InQuote(t) || IsPunct(t))) ++t;
  // A dateline: "PARIS -", "DES MOINES, Iowa -", "WASHINGTON (AP) -".
  if (t < limit && tokens_[t].has(kAllUpper)) {
    uint32_t k = t;
    while (k < limit && k < t + 8 && tokens_[k].hash != kDash && tokens_[k].hash != kHyphen) ++k;
    bool dateline = k < limit && k < t + 8;
    for (uint32_t u = t; dateline && u < k; ++u)
      if (!IsPunct(u) && !IsCapitalized(u) && !tokens_[u].has(kAllUpper)) dateline = false;
    if (dateline) t = k + 1;
  }
  // "Washington (AFP) -": a place and an agency in parentheses.
  if (t + 3 < limit && IsCapitalized(t)) {
    uint32_t k = t;
    while (k < limit && k < t + 6 && tokens_[k].hash != kParenClose) ++k;
    if (k + 1 < limit && k < t + 6 && tokens_[k].hash == kParenClose &&
        (IsDash(k + 1) || tokens_[k + 1].hash == kHyphen))
      t = k + 2;
  }
  // Introductory phrases, each closed by a comma.
  for (int round = 0; round < 3 && t < limit; ++round) {
    // "Yet he ...", "But the senator ...": a conjunction or adverb alone.
    if (kSentenceAdverbs.Contains(tokens_[t].hash)) {
      ++t;
      if (t < limit && IsComma(t)) ++t;
      continue;
    }
    // "Even the mayor tried ...": "even" right before the subject (not
    // "even though ...", "even after Clinton, responding ...", whose
    // phrases are read as they were).
    if (tokens_[t].hash == kEven && t + 1 < limit && !kIntroOpeners.Contains(tokens_[t + 1].hash) &&
        !kSubordinators.Contains(tokens_[t + 1].hash) &&
        !kSentenceAdverbs.Contains(tokens_[t + 1].hash) && !IsPunct(t + 1)) {
      ++t;
      continue;
    }
    const std::string_view w = TokenText(t);
    const bool adverb = tokens_[t].kind == TokenKind::kWord && w.size() > 4 && EndsWith(w, "ly");
    // "Facing mounting criticism, Mr. Trump ...", "Arriving upon the
    // scene, police ...": an opening participle's phrase.
    // (Not a name in -ed or -ing, "United States", "Beijing has",
    // "Groening recently heaped": a lower-case word that is no verb and no
    // adverb follows.)
    const bool opening_participle =
        tokens_[t].kind == TokenKind::kWord && w.size() > 4 &&
        (EndsWith(w, "ing") || EndsWith(w, "ed")) && !tokens_[t].has(kAllUpper) &&
        t + 1 < limit && IsLowerWord(t + 1) && !kBoundaries.Contains(tokens_[t + 1].hash) &&
        !InVerbCue(t + 1) && !IsLyAdverb(t + 1);
    if (!kIntroOpeners.Contains(tokens_[t].hash) && !adverb &&
        !kTimeWords.Contains(tokens_[t].hash) && tokens_[t].kind != TokenKind::kNumber &&
        tokens_[t].hash != kOne && !IntroTime(t, limit) && !opening_participle)
      break;
    uint32_t u = t;
    while (u < limit && !IsComma(u)) ++u;
    if (u >= limit) return {};
    t = u + 1;
    // "At a rally in Ames, Iowa, on Sunday, ...", "in Beaumont, Tex.,":
    // a state after a place the phrase ended with belongs to the phrase.
    uint32_t place = u;
    while (place > sentence_first && IsCapitalized(place - 1)) --place;
    if (place < u && place > sentence_first && tokens_[place - 1].hash == kIn && t < limit &&
        IsCapitalized(t)) {
      uint32_t k = t;
      while (k < limit && k < t + 4 && (IsCapitalized(k) || AbbreviationPeriod(k))) ++k;
      // Not a name with its apposition ("in Iowa, Clinton, the former
      // favourite, was ...").
      const bool apposition = k + 1 < limit && (kDeterminers.Contains(tokens_[k + 1].hash) ||
                                                kRelativePronouns.Contains(tokens_[k + 1].hash));
      if (k + 1 < limit && IsComma(k) && !InVerbCue(t) && !apposition) t = k + 1;
    }
  }
  if (t >= limit) return {};
  uint32_t last = 0;
  const Span np = SubjectPhrase(t, limit, &last);
  if (np.empty() || BareFunctionWord(t, last)) return {};
  *first_token = t;
  *last_token = last;
  return np;
}

Span Attributor::RightPhrase(uint32_t start, uint32_t* last_token) const {
  uint32_t last = start;
  bool any = false;
  int words = 0;
  for (uint32_t t = start; t < range_end_; ++t) {
    if (InQuote(t)) break;
    const int chunk = ChunkAt(t);
    if (chunk >= 0) {
      const CueMatch& m = analysis_.cues[static_cast<size_t>(chunk)];
      last = std::min(m.first_token + m.token_count, range_end_) - 1;
      t = last;
      any = true;
      ++words;
      continue;
    }
    const Token& tok = tokens_[t];
    // Stop at another cue ("cited by", "reporting").
    if (any && HasMark(t, kStartsOtherCue)) break;
    if (tok.kind == TokenKind::kPunct) {
      if (tok.hash == kHyphen && any) {
        continue;
      }
      // "Dennis B. Ross", "Joseph R. Biden Jr.": an initial's period inside
      // a name.
      if (any && AbbreviationPeriod(t) && t + 1 < range_end_ && IsCapitalized(t + 1) &&
          !InQuote(t + 1)) {
        last = t;
        continue;
      }
      break;
    }
    if (tok.hash == kPossessive && any) {
      last = t;
      continue;
    }
    if (tok.hash == kOf && any) continue;
    if (tok.hash == kAnd && any && t > start && IsCapitalized(t - 1) && t + 1 < range_end_ &&
        IsCapitalized(t + 1))
      continue;
    // "..., tweeted another.": a quantifier standing alone.
    if (!any && kSubjectPronouns.Contains(tok.hash) && !kPersonalSubjects.Contains(tok.hash) &&
        (t + 1 >= range_end_ || IsPunct(t + 1))) {
      last = t;
      any = true;
      break;
    }
    if (kDeterminers.Contains(tok.hash)) {
      // "told the Journal the deal ...": after a whole outlet or body, a new
      // determiner starts the reported clause.
      if (any && tok.hash == kThe && t > start && ChunkAt(t - 1) >= 0) {
        const Family f = FamilyOf(analysis_.cues[static_cast<size_t>(ChunkAt(t - 1))]);
        if (f == Family::kOutlets || f == Family::kOrganizations) break;
      }
      continue;
    }
    // "from both sides", "by all three senators": a quantifier opening the
    // phrase.
    if (t == start && (tok.hash == kBoth || tok.hash == kAll || tok.hash == kEach) &&
        t + 1 < range_end_ && tokens_[t + 1].kind == TokenKind::kWord && !InQuote(t + 1))
      continue;
    if (kBoundaries.Contains(tok.hash)) break;
    if (IsLyAdverb(t) && any) break;
    if (any && IsLowerIng(t)) break;  // "Fox News reporting"
    if (words >= 10) break;
    last = t;
    any = true;
    ++words;
  }
  if (!any) return {};
  *last_token = last;
  return {tokens_[start].begin, tokens_[last].end};
}

uint32_t Attributor::AppositionEnd(uint32_t cue_first, uint32_t name_last,
                                   uint32_t end_token) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(name_last, &s_first, &s_end);
  s_end = std::min(s_end, end_token);
  // An apposition opens with an article, an age or a role: "a lawyer",
  // "the mayor's aide", "44", "director of ..."; not with an adverbial
  // ("in a statement"), a participle (", adding") or a clause.
  auto opens = [&](uint32_t k) {
    if (k >= s_end || InQuote(k)) return false;
    const uint64_t h = tokens_[k].hash;
    if (h == kA || h == kAn || h == kThe || h == kAnother) return true;
    if (tokens_[k].kind == TokenKind::kNumber)
      return k + 1 < s_end && IsPunct(k + 1) && !PercentSign(k + 1);
    const int chunk = ChunkAt(k);
    return chunk >= 0 && FamilyOf(analysis_.cues[static_cast<size_t>(chunk)]) == Family::kSourceRoles;
  };
  // Not after a verb standing inside its sentence ("Then, says Ana Costa,
  // the city changed"): the words after the comma go on with the sentence.
  uint32_t words_before = 0;
  for (uint32_t k = s_first; k < cue_first; ++k)
    if (!IsPunct(k)) ++words_before;
  if (words_before < 4) return name_last;
  if (name_last + 2 >= s_end || !IsComma(name_last + 1) || InQuote(name_last + 1) ||
      !(opens(name_last + 2) || tokens_[name_last + 2].hash == kWho))
    return name_last;
  // It runs to the end of the sentence, over further appositions, a place
  // ("in Salem, Ore.", ", of Salem") or a relative clause ("who worked
  // there", ", which tracks ..."); anything
  // else after a comma ends it, and so does a quotation.
  uint32_t last = name_last;
  for (uint32_t k = name_last + 2; k < s_end; ++k) {
    // A relative clause reporting speech ("who added that ...", "who said
    // he ...") is another attribution, not a description.
    const bool reports = InVerbCue(k) && k + 1 < s_end &&
                         (tokens_[k + 1].hash == kThat || IsPunct(k + 1) || InQuote(k + 1) ||
                          kPersonalSubjects.Contains(tokens_[k + 1].hash));
    if (InQuote(k) || reports || tokens_[k].hash == kSemicolon || IsDash(k) ||
        tokens_[k].hash == kParenOpen || tokens_[k].hash == kColon)
      return name_last;
    if (IsComma(k)) {
      const uint32_t n = k + 1;
      if (n >= s_end) break;
      const uint64_t h = tokens_[n].hash;
      if (!(opens(n) || h == kWho || h == kWhose || h == kWhich || h == kOf || h == kFrom ||
            (IsCapitalized(n) && !InQuote(n) && !InVerbCue(n))))
        break;
      continue;
    }
    if (k - name_last > 40) return name_last;
    if (!IsPunct(k) || (AbbreviationPeriod(k) && k + 1 < s_end)) last = k;
  }
  return last;
}

uint32_t Attributor::TokenAtOffset(uint32_t offset) const {
  // Nearly always an offset inside the claim being read: its tokens alone
  // hold the answer (none before it begins at or after the offset, and the
  // token after it begins at or after the claim's end), and stay in cache.
  auto first = tokens_.begin(), last = tokens_.end();
  if (range_begin_ < range_end_ && range_end_ <= tokens_.size() && offset >= tokens_[range_begin_].begin &&
      offset <= tokens_[range_end_ - 1].end) {
    first = tokens_.begin() + range_begin_;
    last = tokens_.begin() + range_end_;
  }
  auto it = std::lower_bound(first, last, offset, [](const Token& t, uint32_t off) { return t.begin < off; });
  return static_cast<uint32_t>(it - tokens_.begin());
}

bool Attributor::NameRun(uint32_t first, uint32_t last, uint32_t* begin, uint32_t* end) const {
  // The name is the last run of capitalised words that are not roles,
  // organisations or outlets ("Chinese Embassy spokesman Liu Pengyu" ->
  // "Liu Pengyu"; "Dr. Helen Osei" -> "Helen Osei"). A connective between
  // two name words stays inside ("Department for Transport", "Tom Udall of
  // New Mexico"): cutting there would make "Transport" the speaker.
  int64_t e = -1, b = -1;
  for (int64_t t = last; t >= static_cast<int64_t>(first); --t) {
    const auto u = static_cast<uint32_t>(t);
    const bool cap = IsNameWord(u);
    const bool initial = tokens_[u].has(kInitialism) && tokens_[u].size() <= 2 && e >= 0;
    if (cap || initial ||
        (e >= 0 && tokens_[u].hash == kPeriod && u > first && IsCapitalized(u - 1) &&
         TokenText(u - 1).size() == 1)) {
      if (e < 0) e = t;
      b = t;
      continue;
    }
    if (e >= 0 && b == t + 1 && u > first && kNameConnectives.Contains(tokens_[u].hash) &&
        IsNameWord(u - 1)) {
      b = t;
      continue;
    }
    if (e >= 0) break;
  }
  if (e < 0) return false;
  *begin = static_cast<uint32_t>(b);
  *end = static_cast<uint32_t>(e);
  return true;
}

bool Attributor::PluralNoun(uint32_t t) const {
  if (tokens_[t].kind != TokenKind::kWord || ChunkAt(t) >= 0 || tokens_[t].has(kAllUpper))
    return false;
  if (PersonWithPart(tokens_[t].hash) >= 0) return false;
  if (kCrowdNouns.Contains(tokens_[t].hash)) return true;
  const std::string_view w = TokenText(t);
  if (w.size() < 6) return false;
  for (std::string_view suffix : {"ents", "ants", "ists", "ians", "ics", "ors", "ers", "ites"})
    if (EndsWith(w, suffix)) return true;
  return false;
}

bool Attributor::CrowdPhrase(uint32_t first, uint32_t last) const {
  const bool of_phrase = first < last && tokens_[first + 1].hash == kOf;
  if (first != last && !of_phrase) return false;
  if (!PluralNoun(first)) return false;
  // "Members of the panel" are the panel's, not a crowd.
  if (kCrowdNouns.Contains(tokens_[first].hash)) return true;
  if (of_phrase) return false;
  if (IsLowerWord(first)) return true;
  // A capitalised one opens its sentence: capitals say nothing there.
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(first, &s_first, &s_end);
  return first == s_first;
}

bool Attributor::QuantifiedGroup(uint32_t first, uint32_t last) const {
  uint32_t t = first;
  // "the majority of", "a number of", "a few".
  if ((tokens_[t].hash == kThe || tokens_[t].hash == kA) && t < last) ++t;
  if (!kVagueQuantifiers.Contains(tokens_[t].hash)) return false;
  // "the other", "a lot" need their noun; "some" alone is a pronoun.
  return t < last || t == first;
}

bool Attributor::OutletStaffName(uint32_t first, uint32_t last, const CueMatch& outlet) const {
  const uint32_t o_first = outlet.first_token;
  const uint32_t o_last = outlet.first_token + outlet.token_count - 1;
  uint32_t b = 0, e = 0;
  auto person = [&] {
    return !BodyName(b, e) && (e > b || PersonWithPart(tokens_[b].hash) >= 0);
  };
  // "NBC's Dante Chinni", "CNN's chief correspondent Jake Tapper".
  if (o_last + 2 <= last && tokens_[o_last + 1].hash == kPossessive &&
      NameRun(o_last + 2, last, &b, &e) && e == last)
    return person();
  // "Vann R. Newkirk II, a writer for The Atlantic", "Ana Roe of the Post".
  uint32_t p = o_first;
  if (p > first && tokens_[p - 1].hash == kThe) --p;
  if (p > first + 1 && kRolePrepositions.Contains(tokens_[p - 1].hash) &&
      NameRun(first, p - 2, &b, &e))
    return person();
  return false;
}

bool Attributor::BodyName(uint32_t begin, uint32_t end) const {
  // "Hallan Ferry Company", "Department for Transport", "James Martin
  // Center for Nonproliferation Studies": the last word, or the word before
  // the first connective, is a body's.
  if (kBodySuffixes.Contains(tokens_[end].hash)) return true;
  for (uint32_t t = begin + 1; t < end; ++t)
    if (kNameConnectives.Contains(tokens_[t].hash))
      return kBodySuffixes.Contains(tokens_[t - 1].hash);
  return false;
}

bool Attributor::ResolvePronoun(uint32_t token, std::string* refers_to) const {
  const uint64_t h = tokens_[token].hash;
  const char want = kMalePronouns.Contains(h) ? 'm' : kFemalePronouns.Contains(h) ? 'f' : 0;
  for (auto it = person_mentions_.rbegin(); it != person_mentions_.rend(); ++it) {
    if (it->first >= token) continue;
    const PersonMention& p = people_[static_cast<size_t>(it->second)];
    if (want && p.gender && p.gender != want) continue;
    *refers_to = SpanText(text_, p.name);
    return true;
  }
  return false;
}

void Attributor::NotePeople(uint32_t first, uint32_t last) {
  // Person mentions: runs of two or more capitalised words outside
  // quotations and lexicon matches ("Xi Jinping", "Helen Osei"), a title
  // before a capitalised word ("Mr. Osei", "President Trump"), and single
  // words that repeat part of a known name ("Xi").
  // Only a capitalised word or a source cue's token can start one: the
  // walk goes from one such token to the next (name_tokens_), and skips
  // those that a mention already took.
  uint32_t next = first;
  for (uint32_t i = 0; i < name_count_; ++i) {
    const uint32_t t = name_tokens_[i];
    if (t < next || t > last) continue;
    if (InQuote(t) || !IsCapitalized(t) || ChunkAt(t) >= 0) {
      // A title (source_roles "title" or "office") before a capitalised word.
      if (ChunkAt(t) >= 0 && !InQuote(t)) {
        const CueMatch& m = analysis_.cues[static_cast<size_t>(ChunkAt(t))];
        const Entry& e = EntryOf(m);
        uint32_t after = m.first_token + m.token_count;
        if (e.family == Family::kSourceRoles && after <= last && IsCapitalized(after) &&
            (ChunkAt(after) < 0 || AfterAbbreviatedTitle(after)) && !InQuote(after)) {
          uint32_t end = after;
          while (end + 1 <= last && IsCapitalized(end + 1) && ChunkAt(end + 1) < 0) ++end;
          const std::string_view gender_name = e.gender;
          const char gender = gender_name == "female" ? 'f' : gender_name == "male" ? 'm' : 0;
          // Merge with a known person sharing the surname.
          int found = PersonWithPart(tokens_[end].hash);
          if (found < 0) {
            found = AddPerson(after, end, gender);
          } else if (!people_[static_cast<size_t>(found)].gender) {
            people_[static_cast<size_t>(found)].gender = gender;
          }
          person_mentions_.emplace_back(after, found);
          next = end + 1;
          continue;
        }
      }
      next = t + 1;
      continue;
    }
    uint32_t end = t;
    while (end + 1 <= last && !InQuote(end + 1) && ChunkAt(end + 1) < 0 &&
           (IsCapitalized(end + 1) ||
            (tokens_[end + 1].has(kInitialism) && tokens_[end + 1].size() <= 3)))
      ++end;
    const bool sentence_start = t == range_begin_ && kSentenceOpeners.Contains(tokens_[t].hash);
    uint32_t start = sentence_start ? t + 1 : t;
    if (start <= end) {
      // A single word: a mention only when it repeats part of a known name.
      int found = -1;
      for (uint32_t w = start; w <= end; ++w) found = std::max(found, PersonWithPart(tokens_[w].hash));
      if (found >= 0) {
        person_mentions_.emplace_back(start, found);
      } else if (end > start && !tokens_[start].has(kAllUpper)) {
        person_mentions_.emplace_back(start, AddPerson(start, end, 0));
      }
    }
    next = end + 1;
  }
}

void Attributor::NoteOutlets(uint32_t cue_first, uint32_t cue_end) {
  for (uint32_t c = cue_first; c < cue_end; ++c) {
    const CueMatch& m = analysis_.cues[c];
    if (FamilyOf(m) != Family::kOutlets || m.alias) continue;
    if (outlet_named_[m.entry]) {
      // Keep the most recent outlet last.
      auto it = std::find_if(outlets_.begin(), outlets_.end(),
                             [&](const OutletMention& o) { return o.entry == m.entry; });
      if (it != outlets_.end()) std::rotate(it, it + 1, outlets_.end());
      continue;
    }
    outlet_named_[m.entry] = true;
    outlets_.push_back({m.entry, OutletName(m.entry)});
  }
}

SourceKind Attributor::Classify(Span span, uint32_t first, uint32_t last, std::string* refers_to,
                                Span* via, std::string* via_name) {
  (void)span;
  bool has_outlet = false, has_anon_bare = false, has_anon_described = false, has_vague = false,
       has_document = false, has_org = false, has_role = false, has_spokesperson = false;
  uint32_t outlet_entry = kNoEntry;
  const CueMatch* outlet_cue = nullptr;
  // Cues are in text order: those starting inside the phrase are found by
  // search.
  auto from = std::partition_point(claim_cues_.begin(), claim_cues_.end(),
                                   [first](const CueMatch* c) { return c->first_token < first; });
  for (auto it = from; it != claim_cues_.end() && (*it)->first_token <= last; ++it) {
    const CueMatch* m = *it;
    // A cue starting inside the phrase counts even when it runs on past it
    // ("critics say", "sources said").
    const Entry& e = EntryOf(*m);
    switch (e.family) {
      case Family::kOutlets:
        if (!m->alias || outlet_named_[m->entry]) {
          has_outlet = true;
          outlet_entry = m->entry;
          outlet_cue = m;
        }
        break;
      case Family::kAnonymousSources:
        if (Is(e, kBare)) has_anon_bare = true;
        else has_anon_described = true;
        break;
      case Family::kVagueSources:
        // A judgment inside the phrase ("the controversial coach", "one of
        // the most respected economists") qualifies its head, it is not a
        // crowd: only a popular belief that heads the phrase ("the
        // conventional wisdom", "studies show") makes the source vague.
        if (!Is(e, kPopular) || m->first_token + m->token_count > last) has_vague = true;
        break;
      case Family::kDocuments: has_document = true; break;
      case Family::kOrganizations: has_org = true; break;
      case Family::kSourceRoles:
        has_role = true;
        if (Is(e, kSpokesperson)) has_spokesperson = true;
        break;
      default: break;
    }
  }
  // A pronoun alone.
  if (first == last) {
    const uint64_t h = tokens_[first].hash;
    // "the group, which said": the antecedent's kind, and its name.
    if (kRelativePronouns.Contains(h)) {
      uint32_t af = 0, al = 0;
      const Span antecedent = RelativeAntecedent(first, &af, &al);
      if (antecedent.empty()) return SourceKind::kUnknown;
      const SourceKind kind = Classify(antecedent, af, al, refers_to, via, via_name);
      if (refers_to->empty()) {
        refers_to->assign(text_, antecedent.begin, antecedent.end - antecedent.begin);
        std::replace(refers_to->begin(), refers_to->end(), '\n', ' ');
      }
      return kind;
    }
    if (kMalePronouns.Contains(h) || kFemalePronouns.Contains(h)) {
      return ResolvePronoun(first, refers_to) ? SourceKind::kNamedPerson : SourceKind::kUnknown;
    }
    if (kPluralPronouns.Contains(h) || kItPronoun.Contains(h)) return SourceKind::kUnknown;
  }
  // A crowd is never a person's name: "Opponents claim", "Critics of the
  // law say" (whatever the law is, the critics speak).
  if (CrowdPhrase(first, last)) {
    if (has_anon_described) return SourceKind::kAnonymousDescribed;
    if (has_anon_bare) return SourceKind::kAnonymousBare;
    return SourceKind::kVague;
  }
  const bool quantified = QuantifiedGroup(first, last);
  // A journalist speaks as a person; the outlet is how the words reached us.
  if (has_outlet && !quantified && OutletStaffName(first, last, *outlet_cue)) {
    *via = {outlet_cue->begin, outlet_cue->end};
    *via_name = OutletName(outlet_entry);
    return SourceKind::kNamedPerson;
  }
  uint32_t name_begin = 0, name_end = 0;
  bool named = !has_outlet && !quantified && NameRun(first, last, &name_begin, &name_end);
  // "Members of the panel": a plural noun capitalised because it opens the
  // sentence is no one's name.
  if (named && name_begin == name_end && PluralNoun(name_begin) && !IsLowerWord(name_begin)) {
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(name_begin, &s_first, &s_end);
    if (name_begin == s_first) named = false;
  }
  if (named) {
    // A name after a role and a preposition is the role holder's body, not
    // the speaker ("a spokeswoman for YouTube", "a professor at Harvard"),
    // unless a name stands before it too ("Jeffrey Lewis of the Middlebury
    // Institute").
    uint32_t p = name_begin;
    // Back over an article and a title ("for the", "to Mr. Obama").
    while (p > first && ChunkAt(p - 1) >= 0 &&
           Is(EntryOf(analysis_.cues[static_cast<size_t>(ChunkAt(p - 1))]), kTitle))
      --p;
    if (p > first && (tokens_[p - 1].hash == kThe || tokens_[p - 1].hash == kA)) --p;
    bool affiliation = p > first && kRolePrepositions.Contains(tokens_[p - 1].hash);
    if (affiliation && p - 1 > first && NameRun(first, p - 2, &name_begin, &name_end))
      affiliation = false;
    if (!affiliation)
      return BodyName(name_begin, name_end) ? SourceKind::kOrganization : SourceKind::kNamedPerson;
    // The voice of a body speaks for it; anyone else is described by it.
    if (has_spokesperson) return SourceKind::kOrganization;
    if (has_role || has_anon_described) return SourceKind::kAnonymousDescribed;
  }
  if (has_outlet) {
    *refers_to = OutletName(outlet_entry);
    return SourceKind::kOutlet;
  }
  // "the report", "the newspaper" after an outlet was named.
  bool outlet_description = false;
  for (uint32_t t = first; t <= last; ++t)
    if (kOutletDescriptions.Contains(tokens_[t].hash)) outlet_description = true;
  if (outlet_description && !outlets_.empty() && tokens_[first].hash == kThe &&
      !has_org && !has_role) {
    *refers_to = outlets_.back().name;
    return SourceKind::kOutlet;
  }
  if (has_anon_described) return SourceKind::kAnonymousDescribed;
  if (has_anon_bare) return SourceKind::kAnonymousBare;
  // "two State Department officials": unnamed people of a body, described
  // by it (its spokesperson, below, speaks for it).
  if (has_org && has_role && !has_spokesperson) return SourceKind::kAnonymousDescribed;
  if (has_vague) return SourceKind::kVague;
  if (has_org) return SourceKind::kOrganization;
  // "a spokesperson for the port authority", "the company's spokesman":
  // the unnamed voice of a body speaks for it on record.
  if (has_spokesperson && last > first + 1) return SourceKind::kOrganization;
  // "the ministry", "the company": a body named by its head noun.
  if (!has_role && kBodySuffixes.Contains(tokens_[last].hash) && kDeterminers.Contains(tokens_[first].hash))
    return SourceKind::kOrganization;
  if (has_document) return SourceKind::kDocument;
  // "most particle physicists", "other reviewers", "the majority of users".
  if (quantified) return SourceKind::kVague;
  if (has_role) {
    // A bare plural role ("Economists expect", "analysts say") is a vague
    // group; with a qualifier ("two economists at the bank") it is
    // described.
    if (first == last && EndsWith(NormalizeToken(TokenText(first)), "s")) return SourceKind::kVague;
    // "the spokesman", "the senator": the most recent named person.
    if (tokens_[first].hash == kThe && ResolvePronoun(last, refers_to))
      return SourceKind::kNamedPerson;
    return SourceKind::kAnonymousDescribed;
  }
  return SourceKind::kUnknown;
}

QuoteKind Attributor::QuoteOf(const Claim& claim, size_t first_quotation) const {
  // Direct: a quotation of five words or more; partial: a shorter quoted
  // fragment ("reunification").
  QuoteKind kind = QuoteKind::kNone;
  for (size_t i = first_quotation;
       i < seg_.quotations.size() && seg_.quotations[i].begin < claim.span.end; ++i) {
    const Quotation& q = seg_.quotations[i];
    int words = 0;
    for (uint32_t t = TokenAtOffset(std::max(q.begin, claim.span.begin));
         t < tokens_.size() && tokens_[t].begin < std::min(q.end, claim.span.end); ++t)
      if (tokens_[t].kind != TokenKind::kPunct && ++words >= 5) return QuoteKind::kDirect;
    if (words > 0) kind = QuoteKind::kPartial;
  }
  return kind;
}

bool Attributor::ContactClauseSubject(uint32_t first, uint32_t last) const {
  if (first != last || first <= range_begin_ || !kPersonalSubjects.Contains(tokens_[first].hash))
    return false;
  const uint32_t b = first - 1;
  const uint64_t h = tokens_[b].hash;
  return IsLowerWord(b) && !InQuote(b) && !kBoundaries.Contains(h) &&
         !kIntroOpeners.Contains(h) && !kSubordinators.Contains(h) &&
         !kSentenceAdverbs.Contains(h) && !kVerbModifiers.Contains(h) && !IsLyAdverb(b) &&
         !InVerbCue(b);
}

Span Attributor::SharedSubject(uint32_t cue, uint32_t* sf, uint32_t* sl) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(cue, &s_first, &s_end);
  // "Christie unleashed attacks, and the governor tripped up Rubio by
  // calling him out": after ", and", ", but" or ";" and a subject of its
  // own, the clause is a new one, and the participle is its subject's.
  for (uint32_t u = cue; u > s_first + 2; --u) {
    const uint32_t k = u - 1;
    if (InQuote(k)) continue;
    const uint64_t h = tokens_[k].hash;
    const bool conj = (h == kAnd || h == kBut || h == kYet) && IsComma(k - 1) && !InQuote(k - 1);
    if (h != kSemicolon && !conj) continue;
    const uint32_t n = k + 1;
    if (n >= cue) break;
    const uint64_t nh = tokens_[n].hash;
    // (Not a list of names with appositions: "Ryan, the speaker, and
    // McConnell, the leader, are on record opposing".)
    bool comma = false;
    for (uint32_t j = n; j + 1 < cue; ++j)
      if (IsComma(j) || IsDash(j)) comma = true;
    if (!comma && (nh == kThe || nh == kA || nh == kAn || kPossessiveDeterminers.Contains(nh) ||
                   kPersonalSubjects.Contains(nh) || IsNameWord(n))) {
      const Span subject = MainSubject(n, cue, sf, sl);
      if (!subject.empty()) return subject;
    }
    break;
  }
  // "When Maddow pointed out ..., Clinton seized upon it, repeating",
  // "Facing criticism from Democrats, Mr. Trump released ..., describing":
  // a clause or participle phrase opening the sentence ends at its first
  // comma, and the participle after the main clause is not its speaker's.
  uint32_t opening_end = s_first;
  if (s_first < cue && !InQuote(s_first) &&
      (kSubordinators.Contains(tokens_[s_first].hash) || IsCapitalizedIng(s_first))) {
    uint32_t k = s_first + 1;
    while (k < cue && !IsComma(k)) ++k;  // ('as "Medicare for all," Clinton')
    if (k < cue) opening_end = k;
  }
  const Candidate* prev = nullptr;
  for (auto it = cands_.rbegin(); it != cands_.rend(); ++it) {
    if (it->cue_first < s_first) break;  // candidates are in text order
    if (it->cue_first >= cue || it->cue_first < opening_end) continue;
    if (!it->has_source || it->src_first >= cue || it->a.kind == SourceKind::kOutlet) continue;
    // Not a noun's possessor ("rescinded his endorsement of Trump,
    // saying"), a setting's guess, or the subject of a clause inside a
    // noun phrase ("videos he calls ...").
    if ((it->nominal && it->src_last + 1 == it->cue_first) || it->setting ||
        ContactClauseSubject(it->src_first, it->src_last))
      continue;
    // Not the subject of a clause reported by an earlier cue ("Ruiz said
    // he was outraged, arguing ...": the participle is Ruiz's, not his
    // content's): the earlier cue's subject, before it, is the clause's.
    // A parenthetical ("..., Mr. Manafort said, adding") reports the clause
    // before it rather than standing in it.
    const bool parenthetical =
        it->src_last < it->cue_first && it->src_first > s_first && it->cue_last + 1 < cue &&
        (IsComma(it->src_first - 1) || tokens_[it->src_first - 1].has(kCloseQuote)) &&
        IsComma(it->cue_last + 1);
    bool embedded = false;
    for (auto outer = it + 1; !parenthetical && outer != cands_.rend() &&
                              outer->cue_first >= s_first;
         ++outer)
      if (outer->has_source && !outer->nominal && !outer->setting &&
          outer->src_last < outer->cue_first && outer->cue_last < it->src_first &&
          outer->a.kind != SourceKind::kOutlet) {
        embedded = true;
        break;
      }
    if (embedded) continue;
    prev = &*it;
    break;
  }
  if (prev) {
    *sf = prev->src_first;
    *sl = prev->src_last;
    return prev->a.source;
  }
  // "Ben Terris, who saw the incident and described it", "a desperate man
  // who took his own life hoping ...": a verb that shares its subject
  // inside a relative clause shares "who".
  for (uint32_t t = cue; t > s_first + 1; --t) {
    const uint32_t u = t - 1;
    if (InQuote(u) || IsPunct(u)) break;
    if (tokens_[u].hash != kWho) continue;
    // Not a question's "who" ("questions on who Cameron would like").
    if (kPrepositions.Contains(tokens_[u - 1].hash)) break;
    *sf = *sl = u;
    return {tokens_[u].begin, tokens_[u].end};
  }
  // "... - he called her weak and said ...": the nearest personal pronoun
  // of the sentence that is a subject.
  for (uint32_t t = cue; t > s_first + 1; --t) {
    const uint32_t u = t - 1;
    if (InQuote(u) || !kPersonalSubjects.Contains(tokens_[u].hash) || ContactClauseSubject(u, u))
      continue;
    // Not the subject of a clause inside the sentence's ("Hale praised
    // the bill after he signed it and said ..."): the sentence's own.
    if (kSubordinators.Contains(tokens_[u - 1].hash) && !InQuote(u - 1)) break;
    *sf = *sl = u;
    return {tokens_[u].begin, tokens_[u].end};
  }
  // "It's a big if, but Sanders was in San Diego ..., emphasizing": the
  // subject of the clause the participle closes, after ", but" or ";"
  // (not "..., but claimed", whose subject is the sentence's).
  for (uint32_t t = cue; t > s_first + 1; --t) {
    const uint32_t u = t - 1;
    if (InQuote(u)) continue;
    if (tokens_[u].hash == kSemicolon ||
        ((tokens_[u].hash == kBut || tokens_[u].hash == kYet) && IsComma(u - 1))) {
      const Span clause_subject = MainSubject(u + 1, cue, sf, sl);
      if (!clause_subject.empty()) return clause_subject;
      break;
    }
  }
  // "It's grimly funny to watch Romney ... insist", "it is worth
  // remembering": an "it" before "is" holds a place; it says nothing.
  const Span subject = MainSubject(s_first, cue, sf, sl);
  if (!subject.empty() && *sf == *sl && tokens_[*sf].hash == kIt && *sf + 1 < cue &&
      kBeForms.Contains(tokens_[*sf + 1].hash))
    return {};
  return subject;
}

Span Attributor::RelativeAntecedent(uint32_t rel, uint32_t* first, uint32_t* last) const {
  const bool comma = rel > range_begin_ && IsComma(rel - 1);
  const uint32_t end = comma ? rel - 1 : rel;
  // ", that said" is no relative clause.
  if (end <= range_begin_ || IsPunct(end - 1) || InQuote(end - 1) ||
      (tokens_[rel].hash == kThat && comma))
    return {};
  const Span phrase = ExtendLeftPhrase(end - 1, first);
  if (!phrase.empty()) *last = end - 1;
  return phrase;
}

Span Attributor::SubjectAfterOpening(uint32_t verb, uint32_t* sf, uint32_t* sl) const {
  uint32_t s_first = 0, s_end = 0;
  SentenceOf(verb, &s_first, &s_end);
  uint32_t k = verb + 1;
  while (k < s_end && !IsComma(k) && !InQuote(k)) ++k;
  if (k + 1 >= s_end || !IsComma(k)) return {};
  uint32_t last = 0;
  const Span subject = SubjectPhrase(k + 1, s_end, &last);
  if (subject.empty() || BareFunctionWord(k + 1, last)) return {};
  *sf = k + 1;
  *sl = last;
  return subject;
}

bool Attributor::VerbSubject(uint32_t verb, uint32_t cue_last, bool participle,
                             bool passive_form, bool possessor_ok, bool noun_ok, Span* source,
                             uint32_t* sf, uint32_t* sl, bool* sourceless, int depth) const {
  *source = {};
  *sourceless = false;
  uint32_t at = 0;
  Before before = BeforeVerb(verb, participle, passive_form, &at);
  // "legislative changes proposed by the government", "arrests documented
  // by Fusion": a participle after a noun with its agent is a passive.
  if (passive_form && before == Before::kSubject && depth == 0 && AgentFollows(cue_last))
    before = Before::kPassive;
  // "the man accused of fraud", "Mayor Lind accused of": "accuse" needs its
  // object, so "accused of" is a passive whose subject is the accused. (Not
  // "whom he accused of": there the pronoun is the accuser.)
  if (passive_form && before != Before::kPassive && tokens_[verb].hash == kAccused &&
      cue_last + 1 < range_end_ && tokens_[cue_last + 1].hash == kOf &&
      !(before == Before::kSubject && kSubjectPronouns.Contains(tokens_[at].hash)))
    before = Before::kPassive;
  // 'Said Ana Costa, who grew up there, "..."', "Added Osei: ...": a
  // reporting verb opening the sentence with a name and a comma or colon
  // after it is inverted, and the name is its speaker.
  if (depth == 0 && (before == Before::kPassive || before == Before::kNothing) &&
      verb == cue_last && IsCapitalized(verb) && !EndsWith(TokenText(verb), "ing") &&
      cue_last + 2 < range_end_ && IsNameWord(cue_last + 1) &&
      !InQuote(cue_last + 1)) {
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(verb, &s_first, &s_end);
    uint32_t k = cue_last + 1;
    while (k < s_end && k < cue_last + 6 && IsNameWord(k)) ++k;
    if (verb == s_first && k < s_end && (IsComma(k) || tokens_[k].hash == kColon)) {
      uint32_t last = 0;
      const Span speaker = RightPhrase(cue_last + 1, &last);
      if (!speaker.empty()) {
        *source = speaker;
        *sf = cue_last + 1;
        *sl = last;
        return true;
      }
    }
  }
  switch (before) {
    case Before::kPassive: {
      // The agent after "by", or no one.
      *sourceless = true;
      if (cue_last + 2 < range_end_ && tokens_[cue_last + 1].hash == kBy &&
          !InQuote(cue_last + 1)) {
        uint32_t last = 0;
        *source = RightPhrase(cue_last + 2, &last);
        if (!source->empty()) {
          *sf = cue_last + 2;
          *sl = last;
        }
      }
      return true;
    }
    case Before::kPossessor:
      // "his claim", "Trump's plan to"; but "Clinton's support" is support
      // for her, not by her: a stance noun has no possessor source.
      if (!possessor_ok) return false;
      if (tokens_[at].hash == kPossessive) {
        *source = ExtendLeftPhrase(at, sf);
        if (!source->empty()) *sl = at;
      } else {
        *source = {tokens_[at].begin, tokens_[at].end};
        *sf = *sl = at;
      }
      return true;
    case Before::kObject:
      *source = ExtendLeftPhrase(at, sf);
      // "led voters in Ohio to question": a place after a preposition is
      // not the one who questions.
      if (!source->empty() && *sf > range_begin_ &&
          kRolePrepositions.Contains(tokens_[*sf - 1].hash))
        return false;
      if (!source->empty()) *sl = at;
      return true;
    case Before::kControlled: {
      // The object runs from after the controlling verb to *at.
      uint32_t k = at;
      while (k > range_begin_ && !kObjectControlVerbs.Contains(tokens_[k - 1].hash)) --k;
      if (BareFunctionWord(k, at)) return false;
      *source = {tokens_[k].begin, tokens_[at].end};
      *sf = k;
      *sl = at;
      return true;
    }
    case Before::kOpeningParticiple:
      *source = SubjectAfterOpening(verb, sf, sl);
      return true;
    case Before::kInfinitive:
      return false;
    case Before::kPurpose:
      if (depth > 0) return false;
      *source = SharedSubject(verb, sf, sl);
      return true;
    case Before::kNoun: {
      // "amid calls for his resignation", "the claim that ...": a claim noun
      // heading its phrase is an attribution to no one named; a modifier
      // ("pledged delegates", "the reports said") is not.
      const uint32_t next = cue_last + 1;
      if (!noun_ok) return false;
      if (next >= range_end_ || IsPunct(next) || kNounComplements.Contains(tokens_[next].hash) ||
          (cue_last > verb && kNounComplements.Contains(tokens_[cue_last].hash))) {
        *sourceless = true;
        return true;
      }
      return false;
    }
    case Before::kNothing:
      return true;
    case Before::kCatenative: {
      // A governing verb that is itself a cue ("wants to say", "declined
      // to comment") carries the attribution alone.
      if (InVerbCue(at) || (at + 1 < verb && InVerbCue(at + 1))) return false;
      if (depth > 2) return false;
      const bool gerund = IsLowerIng(at);
      return VerbSubject(at, at, gerund, false, false, false, source, sf, sl, sourceless,
                         depth + 1);
    }
    case Before::kCoordinated:
    case Before::kParticiple:
      // "responded by saying", "began by arguing": the gerund belongs to
      // the verb before the preposition.
      if (kGerundPrepositions.Contains(tokens_[at].hash) && at > range_begin_ &&
          InVerbCue(at - 1))
        return false;
      *source = SharedSubject(verb, sf, sl);
      // "In describing Trump, Cuban said", "One month after announcing
      // his support, Rubio": a gerund in a phrase opening the sentence is
      // the subject's after it.
      if (source->empty() && before == Before::kParticiple &&
          kGerundPrepositions.Contains(tokens_[at].hash)) {
        uint32_t s_first = 0, s_end = 0;
        SentenceOf(verb, &s_first, &s_end);
        bool opening = true;
        for (uint32_t u = s_first; u < at && opening; ++u)
          if (IsPunct(u) || InQuote(u) || InVerbCue(u)) opening = false;
        if (opening) *source = SubjectAfterOpening(verb, sf, sl);
      }
      return true;
    case Before::kContraction:
      *source = {tokens_[at].begin, tokens_[at].end};
      *sf = *sl = at;
      return true;
    case Before::kRelative: {
      // "the group, which said": the relative pronoun is the verb's subject
      // and the source's words; Classify reads the kind and the name from
      // its antecedent, as for "he".
      uint32_t af = 0, al = 0;
      const bool antecedent = !RelativeAntecedent(at, &af, &al).empty();
      // "that" is no relative subject before a gerund ("doesn't help that
      // invoking ...") or after a verb ("having that portrayed"), nor when
      // it stands for a thing named earlier by "one" ("a plan, one that
      // favors workers"): the cue there is nobody's.
      if (tokens_[at].hash == kThat &&
          (participle || (antecedent && af == al &&
                          (tokens_[af].hash == kOne ||
                           (IsLowerIng(af) &&
                            !EndsWith(TokenText(af), "thing"))))))
        return false;
      if (antecedent) {
        *source = {tokens_[at].begin, tokens_[at].end};
        *sf = *sl = at;
      } else if (tokens_[at].hash == kWho && at > range_begin_ && !InQuote(at - 1)) {
        // "those who want", "..., and who believe": the pronoun stands for
        // people named before, as after a noun.
        *source = {tokens_[at].begin, tokens_[at].end};
        *sf = *sl = at;
      } else if (tokens_[at].hash == kWho) {
        // "18% who say": an attribution whose holder we cannot name.
        *sourceless = true;
      }
      return true;
    }
    case Before::kSubject:
      *source = LeftPhrase(verb, true, sf);
      if (!source->empty()) *sl = TokenAtOffset(source->end) - 1;
      // "Biden was arranging calls", "Stories have emerged describing", "has
      // twice complained", "Having announced the plan, Judge Berman said": a
      // lone verb form or adverb before the cue is no subject; the cue is in
      // that word's clause, and the source is that word's subject, if any.
      // (A noun with its complement after an adjective, "strikingly personal
      // attacks on", has its modifiers read by the caller.)
      const uint64_t tail = tokens_[cue_last].hash;
      const bool noun_complement =
          !source->empty() && cue_last > verb && *sf > range_begin_ && TopicPreposition(tail) &&
          (IsLyAdverb(*sf - 1) || kDegreeOrNegation.Contains(tokens_[*sf - 1].hash));
      if (!source->empty() && *sf == *sl && depth < 3 && !noun_complement &&
          LoneVerbWord(*sf)) {
        const uint32_t w = *sf;
        Span inner;
        uint32_t isf = 0, isl = 0;
        bool inner_sourceless = false;
        *source = {};
        if (VerbSubject(w, w, EndsWith(TokenText(w), "ing"), false, false, false, &inner, &isf,
                        &isl, &inner_sourceless, depth + 1) &&
            !inner.empty()) {
          *source = inner;
          *sf = isf;
          *sl = isl;
        }
        return true;
      }
      // "A source speaking to Fox News said": the phrase is the object of
      // the cue before it; the subject is that cue's.
      if (!source->empty() && *sf > range_begin_ && InVerbCue(*sf - 1)) {
        for (auto it = cands_.rbegin(); it != cands_.rend() && it->cue_first + 16 > *sf; ++it) {
          if (it->cue_last + 1 != *sf || !it->setting || !it->has_source ||
              it->src_last >= it->cue_first)
            continue;
          *source = it->a.source;
          *sf = it->src_first;
          *sl = it->src_last;
          break;
        }
      }
      // "Clinton supports pay raises, opposes pay freezes": a verb in the
      // present after a comma, with nothing before it that names anyone,
      // shares the subject of the cue before it in the sentence (a
      // participle, "a report, called ...", does not).
      if (source->empty() && IsComma(at) && !InQuote(at) && IsLowerWord(verb) &&
          EndsWith(TokenText(verb), "s")) {
        uint32_t s_first = 0, s_end = 0;
        SentenceOf(verb, &s_first, &s_end);
        for (auto it = cands_.rbegin(); it != cands_.rend(); ++it) {
          if (it->cue_first < s_first) break;
          if (!it->has_source || it->src_last >= it->cue_first ||
              it->a.kind == SourceKind::kOutlet)
            continue;
          *source = it->a.source;
          *sf = it->src_first;
          *sl = it->src_last;
          break;
        }
      }
      return true;
  }
  return true;
}

void Attributor::AttributeClaim(Claim* claim) {
  const uint32_t first_token = seg_.sentences[claim->first_sentence].first_token;
  const Sentence& last_s = seg_.sentences[claim->last_sentence];
  const uint32_t end_token = last_s.first_token + last_s.token_count;
  if (end_token <= first_token) return;
  first_sentence_ = claim->first_sentence;
  last_sentence_ = claim->last_sentence;
  PrepareSentenceRange(first_token, end_token, analysis_.cue_begin[claim->first_sentence],
                       analysis_.cue_begin[claim->last_sentence + 1]);

  // People named in this claim count for its own pronouns ("when Xi ...,
  // he said"); ResolvePronoun only looks at mentions before the pronoun.
  NotePeople(first_token, end_token - 1);
  const QuoteKind quote =
      QuoteOf(*claim, FirstQuotationEndingAfter(claim->span.begin, &claim_quotation_));

  std::vector<Candidate>& cands = cands_;
  cands.clear();
  // Takes the attribution over: each is made for one candidate.
  auto emit = [&](Attribution&& a, uint32_t cue_first, uint32_t cue_last, bool has_source,
                  uint32_t src_first, uint32_t src_last, bool outlet_relay) {
    // Made in place: no attribution of the claim's candidates is passed
    // in, so the vector may grow before `a` is read.
    Candidate& c = cands.emplace_back();
    c.a = std::move(a);
    c.cue_first = cue_first;
    c.cue_last = cue_last;
    c.has_source = has_source;
    c.src_first = src_first;
    c.src_last = src_last;
    c.outlet_relay = outlet_relay;
  };

  for (size_t ci = 0; ci < claim_cues_.size(); ++ci) {
    const CueMatch& m = *claim_cues_[ci];
    const Entry& e = EntryOf(m);
    // The quoted speaker's words, not an attribution; a quoted transcript's
    // turn ("\"COSTA: ...") names its speaker all the same.
    if (InQuote(m.first_token) && !(m.token_count == 1 && QuotedTurn(m.first_token))) continue;
    const uint32_t cue_last = m.first_token + m.token_count - 1;
    if (m.token_count == 1 && e.family == Family::kReportingVerbs &&
        PluralNounBeforeVerb(m.first_token))
      continue;
    Attribution a;
    a.cue = {m.begin, m.end};
    a.cue_entry = m.entry;
    a.quote = quote;
    if (e.family == Family::kHedges) {
      if (!e.unsourced) continue;
      a.verb_class = e.category;
      a.kind = SourceKind::kNone;
      emit(std::move(a), m.first_token, cue_last, false, 0, 0, false);
      continue;
    }
    if (e.family == Family::kDocuments && std::string_view(e.category) == "poll") {
      // "Gallup's tracking poll puts his approval at 49 percent", "The
      // latest poll has Trump leading": a poll that is the sentence's
      // subject reports whatever its verb says.
      uint32_t verb = 0, subject_first = 0, subject_last = 0;
      if (PollSubjectVerb(m, &verb, &subject_first, &subject_last)) {
        a.cue = {tokens_[verb].begin, tokens_[verb].end};
        a.verb_class = "neutral";
        a.source = {tokens_[subject_first].begin, tokens_[subject_last].end};
        a.kind = SourceKind::kDocument;
        emit(std::move(a), verb, verb, true, subject_first, subject_last, false);
        continue;
      }
    }
    if (e.family == Family::kDocuments) {
      // "In a Gallup poll, 40 percent ...": the document is the source and
      // "in" the cue, read like "according to".
      uint32_t in = 0;
      if (std::string_view(e.category) != "poll" || !DocumentPreposition(m, &in)) continue;
      a.cue = {tokens_[in].begin, tokens_[in].end};
      a.verb_class = "phrase";
      a.source = {tokens_[in + 1].begin, tokens_[cue_last].end};
      // Whoever ran it ("a BBC poll", "the central bank's survey"), the
      // poll itself is the source: a document.
      a.kind = SourceKind::kDocument;
      emit(std::move(a), in, in, true, in + 1, cue_last, false);
      continue;
    }
    if (e.family != Family::kReportingVerbs) continue;
    if (Is(e, kImpression)) {
      // "seems", "is expected": how things look to no one named.
      a.verb_class = e.category;
      a.kind = SourceKind::kNone;
      emit(std::move(a), m.first_token, cue_last, false, 0, 0, false);
      continue;
    }
    // "is said to", "it is reported": the verb belongs to a hedge.
    {
      const uint32_t k = m.first_token - first_token;
      const uint32_t h_end = marks_[k].hedge_end, h_first = marks_[k].hedge_first;
      if (h_end >= m.first_token + m.token_count && h_end - h_first > m.token_count) continue;
    }
    a.verb_class = e.category;
    // Beliefs, intentions and stances ("endorsed", "opposes") are held by
    // their subject; the subject is not a source for the claim.
    a.mental = Is(e, kMental) || Is(e, kIntention) || Is(e, kStance);
    uint32_t src_first = 0, src_last = 0, apposition_last = 0;
    Span source;
    if (Is(e, kRelay)) {
      // Passive relays name the source on the left and the outlet on the
      // right ("analysts cited by Bloomberg"); active ones the other way
      // round ("Reuters, citing two officials"). A cue ending in "by" or
      // "in" is passive.
      const uint64_t last_word = tokens_[cue_last].hash;
      const bool active = last_word != kBy && last_word != kIn;
      uint32_t right_last = 0, left_first = 0;
      Span right = cue_last + 1 < end_token ? RightPhrase(cue_last + 1, &right_last) : Span{};
      Span left = LeftPhrase(m.first_token, false, &left_first);
      if (!active) {
        // "according to X cited by Y" is read with "according to": skip a
        // relay whose clause (back to a comma) holds a phrase cue.
        bool in_phrase = false;
        for (int64_t j = static_cast<int64_t>(m.first_token) - 1;
             j >= static_cast<int64_t>(first_token) && !IsComma(static_cast<uint32_t>(j)); --j)
          if (HasMark(static_cast<uint32_t>(j), kStartsPhraseCue)) in_phrase = true;
        if (in_phrase) continue;
      }
      // "The meeting was first reported by Politico", "a fact first
      // reported by WFTV": what stands before a passive relay is the thing
      // reported, not a source relayed, when a form of "be" joins it or it
      // names no one.
      // ("Dixon was quoted in the Herald saying", "... cited by the paper as
      // saying": the one quoted speaks.)
      bool as_speaker = !right.empty() && right_last + 1 < end_token && TokenText(right_last + 1) == "as";
      for (uint32_t k = m.first_token; k <= cue_last; ++k)
        if (TokenText(k) == "quoted") as_speaker = true;
      if (!active && !left.empty() && !right.empty() && !as_speaker) {
        bool saw_be = false;
        SkipModifiers(m.first_token, &saw_be);
        std::string lrefers, lname;
        Span lvia;
        if (saw_be || Classify(left, left_first, TokenAtOffset(left.end) - 1, &lrefers, &lvia,
                               &lname) == SourceKind::kUnknown)
          left = {};
      }
      // "As reported by the Journal, ...": nothing before, the outlet is
      // the source.
      if (!active && left.empty() && !right.empty()) {
        std::string refers, unused_name;
        Span unused;
        a.source = right;
        a.kind = Classify(right, cue_last + 1, right_last, &refers, &unused, &unused_name);
        a.refers_to = std::move(refers);
        emit(std::move(a), m.first_token, cue_last, true, cue_last + 1, right_last,
             a.kind == SourceKind::kOutlet);
        continue;
      }
      const Span relayed = active ? right : left;
      const Span outlet = active ? left : right;
      const uint32_t left_end = left.empty() ? 0 : TokenAtOffset(left.end) - 1;
      const uint32_t sf = active ? cue_last + 1 : left_first;
      const uint32_t sl = active ? right_last : left_end;
      const uint32_t of = active ? left_first : cue_last + 1;
      const uint32_t ol = active ? left_end : right_last;
      std::string refers, unused_name;
      Span unused;
      const SourceKind relayed_kind =
          relayed.empty() ? SourceKind::kNone
                          : Classify(relayed, sf, sl, &refers, &unused, &unused_name);
      // The outlet side's kind and full name, classified once when asked.
      std::optional<SourceKind> outlet_kind;
      std::string outlet_name;
      auto outlet_is_outlet = [&] {
        if (!outlet_kind) outlet_kind = Classify(outlet, of, ol, &outlet_name, &unused, &unused_name);
        return *outlet_kind == SourceKind::kOutlet;
      };
      // Who is cited is the source only when the citer passes on what an
      // unnamed source told it, or is an outlet ("Reuters, citing two
      // diplomats"); a person or body citing a document, a figure or someone
      // on record makes its own case with it ("the report cited an internal
      // review", "Democrats cited several factors").
      bool citer_speaks = relayed.empty() || relayed_kind == SourceKind::kUnknown;
      if (active && !citer_speaks && relayed_kind != SourceKind::kAnonymousDescribed &&
          relayed_kind != SourceKind::kAnonymousBare) {
        citer_speaks = outlet.empty() || !outlet_is_outlet();
      }
      if (active && citer_speaks) {
        // "McCain, citing low growth, said ...", "the judge cited precedent":
        // what is cited names no one, so it is the citer's reason, and the
        // citer is the source, as for "pointed to".
        const bool participle = IsLowerIng(m.first_token);
        uint32_t cf = 0, cl = 0;
        Span citer;
        bool sourceless = false;
        if (!VerbSubject(m.first_token, cue_last, participle, false, false, false, &citer, &cf,
                         &cl, &sourceless) ||
            citer.empty())
          continue;
        std::string crefers;
        a.verb_class = "neutral";
        a.source = citer;
        a.kind = Classify(citer, cf, cl, &crefers, &unused, &unused_name);
        a.refers_to = std::move(crefers);
        emit(std::move(a), m.first_token, cue_last, true, cf, cl, a.kind == SourceKind::kOutlet);
        continue;
      }
      if (relayed.empty()) continue;
      a.source = relayed;
      a.kind = relayed_kind;
      a.refers_to = std::move(refers);
      if (!outlet.empty() && outlet_is_outlet()) {
        a.via = outlet;
        a.via_name = outlet_name;
      }
      emit(std::move(a), m.first_token, cue_last, true, sf, sl, a.kind == SourceKind::kOutlet);
      continue;
    }
    if (Is(e, kSetting)) {
      // "in an interview with the BBC", "speaking to Reuters": an outlet
      // after the setting is the relay; a subject before it ("the mayor
      // told reporters") makes it a verb.
      uint32_t last = 0;
      Span to = cue_last + 1 < end_token ? RightPhrase(cue_last + 1, &last) : Span{};
      if (!to.empty()) {
        std::string refers, unused_name;
        Span unused;
        if (Classify(to, cue_last + 1, last, &refers, &unused, &unused_name) == SourceKind::kOutlet) {
          Attribution relay = a;
          relay.source = to;
          relay.kind = SourceKind::kOutlet;
          relay.refers_to = std::move(refers);
          relay.verb_class = e.category;
          emit(std::move(relay), m.first_token, cue_last, true, cue_last + 1, last, true);
        }
      }
      const bool participle = IsLowerIng(m.first_token);
      uint32_t sf = 0, sl = 0;
      Span subject;
      bool sourceless = false;
      if (!VerbSubject(m.first_token, cue_last, participle, false, false, false, &subject, &sf,
                       &sl, &sourceless))
        continue;
      if (subject.empty()) continue;
      // "Clinton spoke to the convention", "Trump spoke with such gusto": a
      // talk is reported only with its topic ("spoke to CNN about the
      // vote") or what was said after a colon.
      if (kTalkVerbs.Contains(tokens_[m.first_token].hash) && !TopicFollows(cue_last, end_token))
        continue;
      a.verb_class = "neutral";
      a.source = subject;
      std::string refers, unused_name;
      Span unused;
      a.kind = Classify(subject, sf, sl, &refers, &unused, &unused_name);
      a.refers_to = std::move(refers);
      emit(std::move(a), m.first_token, cue_last, true, sf, sl, a.kind == SourceKind::kOutlet);
      cands.back().setting = true;
      continue;
    }
    bool nominal = false;
    bool document_head = false;
    if (Is(e, kPhrase)) {
      // "according to SOURCE", "in a statement, SOURCE".
      uint32_t last = 0;
      source = cue_last + 1 < end_token ? RightPhrase(cue_last + 1, &last) : Span{};
      if (source.empty()) {
        // "in a statement, SOURCE said": the verb finds the source.
        continue;
      }
      // "according to a tally by the Associated Press", "according to a
      // post from Ana Costa": the author is part of the source.
      if (last + 2 < end_token &&
          (tokens_[last + 1].hash == kBy || tokens_[last + 1].hash == kFrom) && !InQuote(last + 1)) {
        std::string r0, n0;
        Span v0;
        const SourceKind head = Classify(source, cue_last + 1, last, &r0, &v0, &n0);
        uint32_t last2 = 0;
        const Span author = RightPhrase(last + 2, &last2);
        if (!author.empty() && (head == SourceKind::kDocument || head == SourceKind::kUnknown)) {
          source.end = author.end;
          last = last2;
          // A document keeps its kind whoever wrote it.
          if (head == SourceKind::kDocument) document_head = true;
        }
      }
      src_first = cue_last + 1;
      src_last = last;
    } else if (m.token_count == 1 && tokens_[m.first_token].hash == kColon) {
      // "COSTA: We will ...", "Costa: Budget will balance": a speaker named
      // at the start of the sentence (or after a dash) before a colon.
      if (!ColonSpeaker(m.first_token, &source, &src_first, &src_last) &&
          !QuoteColonSpeaker(m.first_token, &source, &src_first, &src_last))
        continue;
    } else if (tokens_[cue_last].hash == kFrom && m.token_count > 1 && cue_last + 1 < end_token &&
               !PastParticiple(m.first_token) && !EndsWith(TokenText(m.first_token), "ing") &&
               !EndsWith(TokenText(m.first_token), "s") && !InQuote(cue_last + 1) &&
               !(source = RightPhrase(cue_last + 1, &src_last)).empty()) {
      // "drew sharp criticism from both parties", "faces complaints from
      // tenants": who criticises follows "from".
      src_first = cue_last + 1;
    } else {
      // A verb: subject on the left, or inverted ("..., said the minister").
      const bool participle = IsLowerIng(m.first_token);
      Span left;
      uint32_t left_first = 0, left_last = 0;
      bool sourceless = false;
      // "was opposed by the union": a stance or an intention in the passive
      // is its agent's; a belief in the passive ("is thought") is a hedge's.
      const bool passive_form = !Is(e, kMental) && PastParticiple(m.first_token);
      // "to say", "the reports", "his claims": no attribution.
      // Only claims, plans, fears and the like are nouns with a holder ("his
      // claim", "calls for"); "Lopez's show" and "the report" are not.
      // A cue written with its complement ("support for", "comments
      // about") is a noun whose possessor holds it ("Trump's support for").
      const bool claim_noun = Is(e, kLoaded) || Is(e, kIntention) ||
                              Is(e, kMental) || Is(e, kAssertive) ||
                              Is(e, kTentative) ||
                              (m.token_count > 1 &&
                               kNounComplements.Contains(tokens_[cue_last].hash));
      if (!VerbSubject(m.first_token, cue_last, participle, passive_form, claim_noun,
                       claim_noun || Is(e, kStance), &left, &left_first, &left_last,
                       &sourceless))
        continue;
      // "issued a statement saying ...": the participle only tells what the
      // statement said; the statement's cue carries the attribution.
      // ("In a statement announcing the pick, ..." is a setting: the
      // participle's own.)
      if (participle && !left.empty() && left_last + 1 == m.first_token && InVerbCue(left_last)) {
        bool by_verb = false;
        for (size_t k = ci; k-- > 0;) {
          const CueMatch& o = *claim_cues_[k];
          if (o.first_token + 12 < left_last) break;
          const Entry& oe = EntryOf(o);
          if (oe.family == Family::kReportingVerbs && !Is(oe, kSetting) &&
              o.first_token <= left_last)
            by_verb = true;
        }
        if (by_verb) continue;
      }
      // The subject of the clause whose object is the noun phrase at
      // np_first becomes the source, when there is one.
      auto take_clause_subject = [&](uint32_t np_first) {
        uint32_t sf = 0, sl = 0;
        const Span subject = ObjectClauseSubject(np_first, ci, &sf, &sl);
        if (subject.empty()) return false;
        left = subject;
        left_first = sf;
        left_last = sl;
        return true;
      };
      // "Trump unleashed a harsh attack on Carson", "Cruz made an
      // unprompted call for ...": the words before a noun with its
      // complement are its modifiers, and the clause's subject holds it.
      const uint64_t tail = tokens_[cue_last].hash;
      // A cue of several words that is a noun or an adjective with its
      // preposition, not a verb's participle ("attacked on", "talking about").
      const bool with_preposition = m.token_count > 1 && !PastParticiple(m.first_token) &&
                                    !EndsWith(TokenText(m.first_token), "ing");
      if (with_preposition && TopicPreposition(tail)) {
        // The modifiers: what the subject scan took for a subject, or, when
        // an adjective made the cue a noun ("a blistering attack on"), the
        // article and adjectives before it.
        uint32_t np_first = m.first_token;
        bool modifiers = false;
        if (!left.empty() && left_last + 1 == m.first_token) {
          modifiers = true;
          bool received = false;
          for (uint32_t k = left_first; k <= left_last; ++k) {
            const uint64_t h = tokens_[k].hash;
            if (ChunkAt(k) >= 0 || !IsLowerWord(k) || kSubjectPronouns.Contains(h) ||
                kObjectPronouns.Contains(h) || kPossessiveDeterminers.Contains(h))
              modifiers = false;
            if (kReceivingVerbs.Contains(tokens_[k].hash)) received = true;
          }
          np_first = left_first;
          // "Blair faced questions about ...": the verb is no holder, and its
          // subject is the target; the holder goes unnamed.
          if (received) {
            left = {};
            sourceless = true;
            modifiers = false;
          }
        } else if (left.empty() && sourceless) {
          while (np_first > first_token && m.first_token - np_first < 4 &&
                 IsLowerWord(np_first - 1) && !InVerbCue(np_first - 1) &&
                 !kBoundaries.Contains(tokens_[np_first - 1].hash)) {
            --np_first;
            if (tokens_[np_first].hash == kA || tokens_[np_first].hash == kAn) {
              modifiers = np_first + 1 < m.first_token;
              break;
            }
          }
        }
        if (modifiers && take_clause_subject(np_first)) sourceless = false;
      }
      // "Mr. Trump's continual attacks on", "her long, steadfast support
      // for": adjectives between a possessor and a noun with its
      // complement; the possessor holds it.
      bool possessed = false;
      const bool complement = with_preposition && (TopicPreposition(tail) || tail == kTo ||
                                                   tail == kWith || tail == kOver);
      if (complement && ((sourceless && left.empty()) ||
                         (!left.empty() && left_last + 1 == m.first_token))) {
        uint32_t k = m.first_token;
        while (k > first_token && m.first_token - k < 5 && !InQuote(k - 1) &&
               !InVerbCue(k - 1) && !kPossessiveDeterminers.Contains(tokens_[k - 1].hash) &&
               tokens_[k - 1].hash != kPossessive &&
               (IsLowerWord(k - 1) || tokens_[k - 1].hash == kHyphen || IsComma(k - 1)) &&
               !kDeterminers.Contains(tokens_[k - 1].hash) &&
               !kBoundaries.Contains(tokens_[k - 1].hash) && !LooksPlural(k - 1) &&
               tokens_[k - 1].hash != kAnd && tokens_[k - 1].hash != kOr)
          --k;
        if (k > first_token && k < m.first_token && !IsComma(k) && !InQuote(k - 1)) {
          const uint32_t at = k - 1;
          Span p;
          uint32_t pf = at;
          if (tokens_[at].hash == kPossessive)
            p = ExtendLeftPhrase(at, &pf);
          else if (kPossessiveDeterminers.Contains(tokens_[at].hash))
            p = {tokens_[at].begin, tokens_[at].end};
          if (!p.empty()) {
            left = p;
            left_first = pf;
            left_last = at;
            sourceless = false;
            possessed = true;
          }
        }
      }
      // "Ryan reiterated his support for", "Clinton recalled her
      // opposition to": the verb before the noun is the attribution's cue,
      // the noun only what it said.
      if (complement && !left.empty() && left_first == left_last &&
          kPossessiveDeterminers.Contains(tokens_[left_first].hash) &&
          left_first > first_token && InVerbCue(left_first - 1) && !InQuote(left_first - 1))
        continue;
      // "won the endorsement of the union", "has the backing of most
      // unions": with "the" and no possessor, the endorser follows "of".
      if (sourceless && left.empty() && tail == kOf && m.token_count == 2 &&
          m.first_token > first_token && tokens_[m.first_token - 1].hash == kThe &&
          kAgentOfNouns.Contains(tokens_[m.first_token].hash) && cue_last + 1 < end_token &&
          !InQuote(cue_last + 1)) {
        uint32_t last = 0;
        const Span endorser = RightPhrase(cue_last + 1, &last);
        if (!endorser.empty()) {
          left = endorser;
          left_first = cue_last + 1;
          left_last = last;
          sourceless = false;
        }
      }
      if (sourceless && left.empty()) {
        // "was criticized", "when asked": an attribution to no one named.
        a.kind = SourceKind::kNone;
        emit(std::move(a), m.first_token, cue_last, false, 0, 0, false);
        continue;
      }
      // "his claim that ...", "Trump's plan to ...": a noun with its possessor.
      nominal = possessed || (!left.empty() && left_last + 1 == m.first_token &&
                              (tokens_[left_last].hash == kPossessive ||
                               kPossessiveDeterminers.Contains(tokens_[left_last].hash)));
      // "Cruz stepped up his attacks on Trump", "Bush pinned his hopes on":
      // a possessive pronoun after the clause's verb is its subject's, and
      // the subject is the one named.
      if (nominal && left_first == left_last &&
          kPossessiveDeterminers.Contains(tokens_[left_first].hash))
        take_clause_subject(left_first);
      // "Trump in his announcement speech called ...", "Clinton, during a
      // speech, attacked ...": a document or speech set between subject and
      // verb by a preposition is the occasion; the subject stands before it.
      const bool document_left =
          !left.empty() && ChunkAt(left_last) >= 0 &&
          FamilyOf(analysis_.cues[static_cast<size_t>(ChunkAt(left_last))]) == Family::kDocuments;
      if (document_left && left_first >= first_token + 2) {
        const uint64_t prep = tokens_[left_first - 1].hash;
        if (prep == kIn || prep == kDuring || prep == kAt || prep == kThrough) {
          uint32_t k = left_first - 2;
          while (k > first_token && (kTimeWords.Contains(tokens_[k].hash) || IsComma(k))) --k;
          if (!InQuote(k) && (IsNameWord(k) || kPersonalSubjects.Contains(tokens_[k].hash))) {
            uint32_t sf = 0;
            const Span subject = ExtendLeftPhrase(k, &sf);
            if (!subject.empty()) {
              left = subject;
              left_first = sf;
              left_last = k;
            }
          }
        }
      }
      // "The campaign sent a fundraising email saying ...", "Trump released
      // a radio ad calling ...": who sent the document is the source.
      if (participle && document_left && left_last + 3 >= m.first_token) {
        uint32_t sf = 0, sl = 0;
        const Span subject = ObjectClauseSubject(left_first, ci, &sf, &sl);
        if (!subject.empty()) {
          left = subject;
          left_first = sf;
          left_last = sl;
        }
      }
      // Inverted ("...," said Ana Costa.) when the verb follows a comma or
      // a quote and the phrase after it closes the clause; a verb that
      // takes a recipient ("told") or a participle (", saying") is never
      // inverted.
      // Stances, beliefs and attacks are not inverted in English news
      // ("Mukasey, ..., criticized Clinton's email use").
      const bool invertible = Is(e, kNeutral) || Is(e, kAssertive) ||
                              Is(e, kPublication) || Is(e, kTentative);
      const bool after_break = invertible && !e.recipient && !participle &&
                               m.first_token > first_token &&
                               (IsComma(m.first_token - 1) || IsQuote(m.first_token - 1));
      uint32_t last = 0;
      Span right;
      // ('..., said of Mr. Rubio:' is about him, not by him.)
      if (after_break && cue_last + 1 < end_token &&
          !kPrepositions.Contains(tokens_[cue_last + 1].hash))
        right = RightPhrase(cue_last + 1, &last);
      // "..., the adviser, said Sunday.": a time is no one.
      if (!right.empty() && !left.empty()) {
        uint32_t k = cue_last + 1;
        while (k <= last && kTimeWords.Contains(tokens_[k].hash)) ++k;
        if (k > last) right = {};
      }
      // (Not before an opening quotation mark: 'said he "appreciates ..."'
      // has its subject on the left.)
      bool closes = !right.empty() && (last + 1 >= end_token ||
                                       (IsPunct(last + 1) && !tokens_[last + 1].has(kOpenQuote)));
      // An inverted source is someone ("said the minister"); with a
      // subject on the left, a phrase after the verb that names no one
      // is its object (", said closed primaries -- ...").
      if (closes && !left.empty()) {
        std::string refers, unused_name;
        Span unused;
        if (Classify(right, cue_last + 1, last, &refers, &unused, &unused_name) ==
            SourceKind::kUnknown)
          closes = false;
      }
      if (!right.empty() && closes) {
        source = right;
        src_first = cue_last + 1;
        src_last = last;
        apposition_last = AppositionEnd(m.first_token, last, end_token);
      } else {
        source = left;
        src_first = left_first;
        src_last = left_last;
        if (source.empty() && !right.empty()) {
          source = right;
          src_first = cue_last + 1;
          src_last = last;
        }
        // A verb modified by an unsourced hedge ("Xi reportedly assured")
        // is itself reported: its subject is not the claim's source.
        if (HasMark(m.first_token, kAfterUnsourcedHedge)) a.hedged_verb = true;
      }
      if (e.recipient && cue_last + 1 < end_token) {
        uint32_t last2 = 0;
        Span to = RightPhrase(cue_last + 1, &last2);
        if (!to.empty()) {
          std::string refers, vn;
          Span dummy;
          const SourceKind k = Classify(to, cue_last + 1, last2, &refers, &dummy, &vn);
          if (k == SourceKind::kOutlet) {
            a.via = to;
            a.via_name = refers;
          } else if (!dummy.empty()) {
            // "told NBC's Dante Chinni": the journalist's outlet.
            a.via = dummy;
            a.via_name = vn;
          }
        }
      }
    }
    if (source.empty()) continue;
    a.source = source;
    std::string refers;
    Span dummy;
    std::string vn;
    a.kind = Classify(source, src_first, src_last, &refers, &dummy, &vn);
    // The person is classified by name; the span shows the apposition
    // that describes them too.
    if (apposition_last > src_last && a.kind == SourceKind::kNamedPerson)
      a.source.end = tokens_[apposition_last].end;
    if (document_head) a.kind = SourceKind::kDocument;
    a.refers_to = std::move(refers);
    // "NBC's Dante Chinni said": a journalist's words reach us through the
    // outlet they work for.
    if (!dummy.empty() && a.via.empty()) {
      a.via = dummy;
      a.via_name = vn;
    }
    // "people familiar with the matter cited by The Wall Street Journal".
    if (src_last + 1 < end_token) {
      if (marks_[src_last + 1 - first_token].relay_at >= 0) {
        const CueMatch* r = claim_cues_[static_cast<size_t>(marks_[src_last + 1 - first_token].relay_at)];
        uint32_t last = 0;
        const uint32_t after = r->first_token + r->token_count;
        const Span obj = after < end_token ? RightPhrase(after, &last) : Span{};
        std::string orefers, ovn;
        Span odummy;
        if (!obj.empty() &&
            Classify(obj, after, last, &orefers, &odummy, &ovn) == SourceKind::kOutlet) {
          a.via = obj;
          a.via_name = orefers;
        }
      }
    }
    // A belief held by a group of unnamed people ("officials fear", "many
    // believe") is reported as theirs: they are its source. A named
    // person's or body's view ("Xi sees") stays the writer's reading.
    if (a.mental && (a.kind == SourceKind::kAnonymousDescribed || a.kind == SourceKind::kAnonymousBare ||
                     a.kind == SourceKind::kVague))
      a.mental = false;
    emit(std::move(a), m.first_token, cue_last, true, src_first, src_last, a.kind == SourceKind::kOutlet);
    cands.back().nominal = nominal;
  }

  // "To many, the pier is a landmark", "To Ana Costa, the levy is a tax":
  // a view, held by whom "to" names, opening the sentence before a comma.
  for (uint32_t sn = first_sentence_; sn <= last_sentence_; ++sn) {
    const Sentence& sen = seg_.sentences[sn];
    uint32_t t = std::max(sen.first_token, first_token);
    const uint32_t s_end = std::min(sen.first_token + sen.token_count, end_token);
    while (t < s_end && (IsPunct(t) || InQuote(t))) ++t;
    if (t < s_end && kSentenceAdverbs.Contains(tokens_[t].hash) && tokens_[t].hash != kTo) ++t;
    if (t + 2 >= s_end || tokens_[t].hash != kTo) continue;
    // "To win the seat, ...": a purpose, not a holder.
    const uint64_t next = tokens_[t + 1].hash;
    if (IsLowerWord(t + 1) && !kDeterminers.Contains(next) && !kSubjectPronouns.Contains(next) &&
        !kObjectPronouns.Contains(next) && !kPossessiveDeterminers.Contains(next))
      continue;
    uint32_t holder_first = t + 1, last = 0;
    Span holder;
    const int chunk = ChunkAt(t);
    if (chunk >= 0) {
      // The vague "To some," is one lexicon phrase; its holder is the word
      // after "to".
      const CueMatch& v = analysis_.cues[static_cast<size_t>(chunk)];
      last = v.first_token + v.token_count - 1;
      if (v.first_token != t || last <= t) continue;
      holder = {tokens_[t + 1].begin, tokens_[last].end};
    } else {
      holder = RightPhrase(t + 1, &last);
    }
    if (holder.empty() || last + 1 >= s_end || !IsComma(last + 1)) continue;
    // "To some extent,", "to a degree,": a quantifier before a singular noun
    // measures, it names no one.
    if (chunk < 0 && last > holder_first && IsLowerWord(holder_first + 1) &&
        (kSubjectPronouns.Contains(next) || next == kA) && !EndsWith(TokenText(last), "s"))
      continue;
    Attribution a;
    a.cue = {tokens_[t].begin, tokens_[t].end};
    a.quote = quote;
    a.source = holder;
    std::string refers, vn;
    Span dummy;
    a.kind = Classify(holder, holder_first, last, &refers, &dummy, &vn);
    a.refers_to = refers;
    // "To date,", "To be sure,", "To this end,": no one's view.
    const bool someone = a.kind != SourceKind::kUnknown ||
                         (holder_first == last && (kObjectPronouns.Contains(tokens_[last].hash) ||
                                                   kSubjectPronouns.Contains(tokens_[last].hash)));
    if (!someone || a.kind == SourceKind::kDocument) continue;
    a.verb_class = "mental";
    // A view of unnamed people is reported as theirs (see below).
    a.mental = !(a.kind == SourceKind::kAnonymousDescribed || a.kind == SourceKind::kAnonymousBare ||
                 a.kind == SourceKind::kVague);
    emit(std::move(a), t, t, true, holder_first, last, false);
  }

  // A colon that opens a quotation after a lower-case word ("Rubio fired
  // back: \"...\"") is no lexicon match (the colon entry wants a name
  // before it), but it attributes the quotation all the same.
  for (uint32_t i = 0; i < colon_count_; ++i) {
    const uint32_t t = colons_[i];
    if (colon_entry_ == kNoEntry || t == first_token || t + 1 >= end_token) continue;
    if (HasMark(t, kStartsOtherCue) || IsCapitalized(t - 1)) continue;
    uint32_t sf = 0, sl = 0;
    Span speaker;
    if (!QuoteColonSpeaker(t, &speaker, &sf, &sl)) continue;
    Attribution a;
    a.cue = {tokens_[t].begin, tokens_[t].end};
    a.cue_entry = colon_entry_;
    a.quote = quote;
    a.verb_class = matcher_.entry(colon_entry_).category;
    a.source = speaker;
    std::string refers, vn;
    Span dummy;
    a.kind = Classify(speaker, sf, sl, &refers, &dummy, &vn);
    a.refers_to = std::move(refers);
    emit(std::move(a), t, t, true, sf, sl, a.kind == SourceKind::kOutlet);
  }
  // The rules below want the candidates in text order; the two rules above
  // and the poll's "in" add them out of it. Most claims have a candidate or
  // two, already in order: insertion sort (stable like stable_sort, so the
  // order is the same) moves none of them and allocates nothing, where
  // stable_sort takes a buffer even for one.
  auto text_order = [](const Candidate& x, const Candidate& y) { return x.cue_first < y.cue_first; };
  if (cands.size() <= 16) {
    for (size_t i = 1; i < cands.size(); ++i)
      for (size_t j = i; j > 0 && text_order(cands[j], cands[j - 1]); --j) std::swap(cands[j], cands[j - 1]);
  } else {
    std::stable_sort(cands.begin(), cands.end(), text_order);
  }
  // Many claims have no candidate: the rules below only weigh candidates
  // against each other, and the claim is left without attribution.
  if (cands.empty()) {
    claim->attributions.clear();
    NoteOutlets(analysis_.cue_begin[claim->first_sentence],
                analysis_.cue_begin[claim->last_sentence + 1]);
    return;
  }

  // An attribution inside the content of another is part of what that
  // source said ("Ana Costa said the ministry wants ...", "according to the
  // poll, most voters believe ..."): the claim rests on the outer source,
  // so the inner cue is not an attribution of the claim.
  //
  // A parenthetical attribution (", she said." ", the minister said, adding
  // ...", ", said the minister.") holds what stands before it in its
  // sentence. Any other attribution holds what follows its cue (for
  // "according to X", what follows X) to the end of the sentence, or to a
  // semicolon or a comma or quotation that opens another clause ("..., but
  // Y said"); one in a subordinate clause ("When Xi said ..., Biden
  // replied") ends at the clause's comma. An inner cue keeps its place
  // when its source stands before the content (", adding", "and added").
  std::vector<char>& nested = nested_;
  nested.assign(cands.size(), 0);
  // "Asked whether she feared a strike, ...", "asked him why the council
  // wanted ...": a question asserts nothing, and a cue inside it is part
  // of the question. First, so that a cue inside the question nests
  // nothing after it ("Asked whether she was nervous about the vote she
  // said: ..." keeps "said").
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& outer = cands[i];
    if (nested[i] || outer.a.cue_entry != ask_entry_ || ask_entry_ == kNoEntry) continue;
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(outer.cue_first, &s_first, &s_end);
    uint32_t w = outer.cue_last + 1;
    while (w < s_end && w <= outer.cue_last + 3 && !IsPunct(w) &&
           !kQuestionOpeners.Contains(tokens_[w].hash))
      ++w;
    if (w >= s_end || !kQuestionOpeners.Contains(tokens_[w].hash)) continue;
    // The question ends at the first comma or closing quotation mark, and
    // often at no mark at all ("Asked whether she was nervous she said:"):
    // only the question's own verb, a few words after its opener, is
    // taken, with its subject.
    uint32_t end = w + 1;
    while (end < s_end && end <= w + 6 && !IsComma(end) && tokens_[end].hash != kSemicolon &&
           !tokens_[end].has(kCloseQuote))
      ++end;
    for (size_t j = i + 1; j < cands.size(); ++j) {
      const Candidate& inner = cands[j];
      if (inner.cue_first >= end) break;  // candidates are in text order
      if (inner.cue_first > w && (!inner.has_source || (inner.src_first > w && inner.src_first <= w + 4)))
        nested[j] = 1;
    }
  }

  // "the locks, which he said cut delays", "a change that she said would
  // pay for dredging", "30 percent who said it was too steep": a relative
  // clause with a speaker of its own is that speaker's attribution, not
  // part of what the outer source says.
  auto own_relative_speaker = [&](const Candidate& c) {
    if (!c.has_source || c.src_last >= c.cue_first || c.a.mental || c.cue_first < 2) return false;
    const uint32_t p = c.cue_first - 1;
    if (InQuote(p)) return false;
    const uint64_t h = tokens_[p].hash;
    // "who said", "that he said": only a verb of saying; "who criticized",
    // "who promised" describe the one they follow, and "told the council
    // that he welcomed" is what the outer source said.
    const uint64_t verb = tokens_[c.cue_first].hash;
    const bool say = c.cue_first == c.cue_last && (verb == kSaid || verb == kSay || verb == kSays);
    if (h == kWho) return say;
    // The pronoun must be the source found: a speaker resolved past it
    // ("the pensioners who he said ...") is the wrong one.
    if ((h == kHe || h == kShe || h == kThey) && c.src_first == p) {
      const uint64_t rel = tokens_[p - 1].hash;
      return rel == kWhich || rel == kWho || rel == kWhom || (rel == kThat && say);
    }
    // "a fund that prosecutors said was a front", "which the audit said
    // was late": a speaker named in full, when the verb of the relative
    // clause follows the cue at once (the clause's subject is the pronoun).
    if (c.src_last != p || c.src_first == 0 || c.cue_last + 1 >= tokens_.size()) return false;
    const uint64_t rel = tokens_[c.src_first - 1].hash;
    // "in what the mayor called a stunt": a name given by a speaker, other
    // than the outer one ("denounced what it called a stunt").
    if (rel == kWhat)
      return kNamingVerbs.Contains(verb) && !kSubjectPronouns.Contains(tokens_[c.src_first].hash);
    if (!say) return false;
    if (rel != kWhich && rel != kThat && rel != kWhom) return false;
    const uint32_t next = c.cue_last + 1;
    const uint64_t n = tokens_[next].hash;
    return kVerbModifiers.Contains(n) || kIrregularPast.Contains(n) ||
           (!IsPunct(next) && EndsWith(TokenText(next), "ed"));
  };
  // '"We will win," Costa told reporters ...': a speaker right after a
  // quotation that ends in a comma owns that quotation; the attribution is
  // its own, wherever the outer content seems to run.
  auto quote_speaker = [&](const Candidate& c) {
    if (!c.has_source || c.a.mental) return false;
    const uint32_t clause = std::min(c.src_first, c.cue_first);
    return clause >= range_begin_ + 2 && tokens_[clause - 1].has(kCloseQuote) &&
           IsComma(clause - 2);
  };
  for (Candidate& c : cands) {
    if (!c.has_source || ClassIs(c.a, "relay")) continue;
    if (ClassIs(c.a, "phrase")) {
      // "..., according to the ministry."
      c.parenthetical = c.cue_first > range_begin_ &&
                        (IsComma(c.cue_first - 1) || tokens_[c.cue_first - 1].hash == kDash ||
                         tokens_[c.cue_first - 1].has(kCloseQuote));
      c.closing = c.parenthetical;
      continue;
    }
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(c.cue_first, &s_first, &s_end);
    const bool inverted = c.src_first > c.cue_last;
    const uint32_t clause = inverted ? c.cue_first : c.src_first;
    if (clause <= s_first) continue;
    const uint32_t before = clause - 1;
    if (!IsComma(before) && !tokens_[before].has(kCloseQuote) && tokens_[before].hash != kDash)
      continue;
    // What follows: the end of the sentence or a comma, after at most a few
    // words ("on Tuesday", "in an interview").
    uint32_t t = (inverted ? c.src_last : c.cue_last) + 1;
    // Only a time, a place or a setting may follow ("said on Tuesday", "said
    // in an interview"); any other word starts the reported clause
    // (", Ana Costa said the budget would balance").
    if (t < s_end && !IsPunct(t) && !kTimeWords.Contains(tokens_[t].hash) &&
        !kAdverbialOpeners.Contains(tokens_[t].hash) && !IsLyAdverb(t) && !InVerbCue(t))
      continue;
    int words = 0;
    while (t < s_end && !IsPunct(t) && words < 7) {
      if (tokens_[t].hash == kThat) break;
      ++t;
      ++words;
    }
    if (t >= s_end || (IsPunct(t) && (IsComma(t) || t + 1 >= s_end ||
                                      tokens_[t].hash == kPeriod))) {
      c.parenthetical = true;
      // It holds what stands before it when it closes the sentence, or is
      // continued by a participle (", she said, adding that ..."); in the
      // middle ("The economy, she said, is weak") the content surrounds it.
      c.closing = !(t < s_end && IsComma(t)) ||
                  (t + 1 < s_end && IsLowerIng(t + 1));
      // The content resumes after "The economy, she said," only; after
      // '"...," she said,' or ", said the minister," what follows is more
      // often a new clause or a description of the speaker; after a
      // conjunction or a preposition ("she said, but", ", because", ", in
      // Ohio") it is a new clause or a phrase of the speaker's, and
      // after a relative clause ("Costa, who said so, voted") the main one;
      // "that" after the parenthetical ("so high, she said, that ...") opens
      // the rest of what was said.
      // A participle ("Ana Costa, a critic of the levy's backers, said")
      // is a description inside an apposition.
      if (!c.closing && !inverted && IsComma(before) && t + 1 < s_end && !IsPunct(t + 1) &&
          !kRelativePronouns.Contains(tokens_[c.src_first].hash) &&
          !EndsWith(TokenText(c.cue_first), "ing")) {
        const uint64_t next = tokens_[t + 1].hash;
        if (!kClauseBreakers.Contains(next) && !kSubordinators.Contains(next) &&
            !kIntroOpeners.Contains(next) &&
            (!kRelativePronouns.Contains(next) || next == kThat) &&
            !kSentenceAdverbs.Contains(next) && next != kAnd)
          c.content_resumes = t + 1;
      }
    }
  }
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& outer = cands[i];
    // "..., the Journal reported": the outlet relays what stands before; its
    // attributions stay, with the outlet as their relay.
    if (!outer.parenthetical || !outer.closing || outer.outlet_relay) continue;
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(outer.cue_first, &s_first, &s_end);
    const uint32_t clause = std::min(outer.cue_first, outer.src_first);
    // Candidates are in text order: the ones before it in its sentence.
    for (size_t j = i; j-- > 0;) {
      const Candidate& inner = cands[j];
      if (inner.cue_first < s_first) break;
      if (inner.parenthetical || inner.cue_first >= clause) continue;
      if (inner.has_source && (inner.src_first < s_first || inner.src_last >= clause)) continue;
      if (own_relative_speaker(inner) || quote_speaker(inner)) continue;
      // 'Osei said the levy would stay to show that the town "has
      // principles," he said.': a pronoun closing the sentence repeats the
      // speaker named at its start, whose verb of saying keeps its place.
      if (inner.has_source && inner.src_first == s_first && inner.src_last < inner.cue_first &&
          (tokens_[inner.cue_first].hash == kSaid || tokens_[inner.cue_first].hash == kSays) &&
          outer.src_first == outer.src_last &&
          kSubjectPronouns.Contains(tokens_[outer.src_first].hash) &&
          !kSubjectPronouns.Contains(tokens_[inner.src_first].hash))
        continue;
      nested[j] = 1;
    }
  }
  // "The economy, she said, is weak and the minister wants ...": the
  // content resumes after a parenthetical in the middle of its sentence.
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& outer = cands[i];
    if (nested[i] || outer.content_resumes == 0 || outer.outlet_relay) continue;
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(outer.cue_first, &s_first, &s_end);
    const uint32_t begin = outer.content_resumes;
    const uint32_t end = ContentEnd(begin, s_end, false);
    for (size_t j = i + 1; j < cands.size(); ++j) {
      const Candidate& inner = cands[j];
      if (inner.cue_first >= end) break;  // candidates are in text order
      if (inner.cue_first < begin) continue;
      // A parenthetical of its own inside the content keeps its place; the
      // comma before "the council wanted ..." is the outer one's.
      const uint32_t inner_clause =
          inner.has_source ? std::min(inner.src_first, inner.cue_first) : inner.cue_first;
      if (inner.parenthetical && inner_clause > begin) continue;
      if (own_relative_speaker(inner) || quote_speaker(inner)) continue;
      nested[j] = 1;
    }
  }
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& outer = cands[i];
    // A noun's content is its own clause ("his claim that X"), not the rest
    // of the sentence ("... was rejected by the court").
    // An outlet relays the attributions in what it reports ("According to
    // the Journal, the minister said ...", "The Journal reported that the
    // minister said ..."): they stay, with the outlet as their relay.
    if (nested[i] || !outer.has_source || outer.parenthetical || outer.nominal ||
        outer.outlet_relay)
      continue;
    const bool phrase = ClassIs(outer.a, "phrase");
    const bool left_source = outer.src_last < outer.cue_first;
    if (!phrase && !left_source) continue;
    if (ClassIs(outer.a, "relay")) continue;
    const uint32_t begin = phrase ? outer.src_last + 1 : outer.cue_last + 1;
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(outer.cue_first, &s_first, &s_end);
    // "According to X, ..." opens the content; "..., according to X" closes it.
    if (phrase && outer.cue_first > s_first + 1) continue;
    // The clause of the outer cue starts after the last comma before it.
    uint32_t clause_start = phrase ? outer.cue_first : outer.src_first;
    for (uint32_t t = clause_start; t > s_first; --t) {
      if (IsComma(t - 1) && !InQuote(t - 1)) {
        clause_start = t;
        break;
      }
      if (t - 1 == s_first) clause_start = s_first;
    }
    while (clause_start < s_end && (IsPunct(clause_start) || InQuote(clause_start))) ++clause_start;
    // A clause opened by a subordinator, an introductory phrase opening the
    // sentence other than "According to X," ("Asked whether she believed it, Clinton said ..."; "Despite
    // what he wrote, Cross said ..."), or a relative clause set off by a
    // comma ("Fallin, who opposes abortion, vetoed ..."; "In Lisbon, where
    // two ministers backed the levy, Costa said ..."), or one opened by an
    // adverb and a subordinator ("Even as Costa spoke, ...") or by a
    // participle ("Sensing that critics opposed it, Costa said ...") ends at
    // a comma.
    const bool subordinate =
        (clause_start < s_end && kSubordinators.Contains(tokens_[clause_start].hash)) ||
        (!phrase && clause_start == s_first && clause_start < s_end &&
         kIntroOpeners.Contains(tokens_[clause_start].hash) &&
         !kSentenceAdverbs.Contains(tokens_[clause_start].hash)) ||
        (!phrase && outer.src_first == outer.src_last && outer.src_first > s_first &&
         IsComma(outer.src_first - 1) && kRelativePronouns.Contains(tokens_[outer.src_first].hash)) ||
        (!phrase && clause_start == s_first && clause_start < outer.cue_first &&
         EndsWith(TokenText(clause_start), "ing")) ||
        (!phrase && clause_start + 1 < outer.src_first &&
         kSubordinators.Contains(tokens_[clause_start + 1].hash) &&
         (IsLyAdverb(clause_start) || kVerbModifiers.Contains(tokens_[clause_start].hash))) ||
        (!phrase && clause_start > s_first && clause_start < outer.src_first &&
         IsComma(clause_start - 1) &&
         (kRelativePronouns.Contains(tokens_[clause_start].hash) ||
          tokens_[clause_start].hash == kWhere));
    const uint32_t end = ContentEnd(begin, s_end, subordinate);
    for (size_t j = i + 1; j < cands.size(); ++j) {
      const Candidate& inner = cands[j];
      if (inner.cue_first >= end) break;  // candidates are in text order
      if (inner.parenthetical || inner.cue_first < begin) continue;
      // The same source speaking again ("and added", ", adding").
      if (inner.has_source && inner.src_first < begin) continue;
      // A subordinate clause with a speaker of its own, set off by a comma
      // or opened by "after" ("Costa said the pier would close, as the mayor
      // warned ...", "Costa said so in May after the firm announced ..."),
      // tells what happened around the outer statement: its attribution is
      // its own.
      if (inner.has_source && inner.src_first > begin && inner.src_last < inner.cue_first &&
          !InQuote(inner.src_first - 1)) {
        const uint32_t opener = inner.src_first - 1;
        if ((kSubordinators.Contains(tokens_[opener].hash) && opener > begin &&
             IsComma(opener - 1)) ||
            tokens_[opener].hash == kAfter)
          continue;
      }
      if (own_relative_speaker(inner) || quote_speaker(inner)) continue;
      // "Osei praised the levy and Lind said it was fair", "... while Lind
      // said": a verb of stance, judgement or belief holds its object, so a
      // clause joined to it by "and", "but" or a subordinator of time or
      // contrast, with a subject of its own, is a new statement.
      if (inner.has_source && inner.src_first > begin && inner.src_last < inner.cue_first &&
          (tokens_[inner.src_first - 1].hash == kAnd || tokens_[inner.src_first - 1].hash == kBut ||
           kTimeClauseOpeners.Contains(tokens_[inner.src_first - 1].hash)) &&
          !inner.a.mental && !ClassIs(inner.a, "setting") &&
          !EndsWith(TokenText(inner.cue_last), "ing") && TakesSide(outer.a))
        continue;
      nested[j] = 1;
    }
  }

  // "said Ana Costa, an economist who backs the levy": a cue inside
  // another attribution's source describes that source, and is no
  // attribution of the claim.
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& outer = cands[i];
    // The span, not src_first..src_last: it holds the apposition too.
    const Span src = outer.a.source;
    if (nested[i] || !outer.has_source) continue;
    for (size_t j = 0; j < cands.size(); ++j) {
      const Span cue = cands[j].a.cue;
      if (j != i && cue.begin >= src.begin && cue.end <= src.end) nested[j] = 1;
    }
  }

  // Cues that report nothing where they stand, each rule a test of the
  // candidate alone.
  // "unclear whether he will endorse", "how they view the levy": a
  // pronoun's verb in an embedded question is asserted by no one.
  auto embedded_question = [&](const Candidate& c) {
    if (!c.has_source || c.src_first != c.src_last || c.src_last >= c.cue_first ||
        c.src_first <= range_begin_ || InQuote(c.src_first) ||
        !kSubjectPronouns.Contains(tokens_[c.src_first].hash))
      return false;
    const uint64_t h = tokens_[c.src_first - 1].hash;
    return h == kWhether || h == kHow;
  };
  // "Do you think the levy is fair?": a belief asked of the reader or of
  // the one interviewed is a question, and no one's attribution.
  auto asked_of_you = [&](const Candidate& c) {
    if (!c.a.mental || !c.has_source || c.src_first != c.src_last ||
        tokens_[c.src_first].hash != kYou || InQuote(c.cue_first))
      return false;
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(c.cue_first, &s_first, &s_end);
    uint32_t last = s_end - 1;
    if (last > c.cue_first && IsQuote(last)) --last;
    return tokens_[last].hash == kQuestionMark;
  };
  // "How has the ministry responded?", "What does Costa want?": a question
  // that ends on its cue asks what was said or wanted; it reports nothing.
  auto ends_question = [&](const Candidate& c) {
    const uint32_t next = c.cue_last + 1;
    return next < tokens_.size() && tokens_[next].hash == kQuestionMark;
  };
  // "carrying both hope and danger", "whoever he wants and that's it": a
  // one-word cue of a view or an aim right before "and" or "or" has no
  // content of its own; it is a noun or an adjective in a list, or an
  // object clause that ends there.
  auto listed_word = [&](const Candidate& c) {
    const uint32_t next = c.cue_last + 1;
    return c.cue_first == c.cue_last && next < tokens_.size() &&
           (tokens_[next].hash == kAnd || tokens_[next].hash == kOr) && TakesSide(c.a);
  };
  // "angered by what they saw as contempt": the writer's paraphrase of a
  // view inside a noun phrase, not a view reported as such. ("which he sees
  // as part of a deal" keeps its holder.)
  auto paraphrased_view = [&](const Candidate& c) {
    const uint32_t next = c.cue_last + 1;
    if (!c.a.mental || c.cue_first != c.cue_last || next >= tokens_.size() ||
        tokens_[next].hash != kAs || !kSeeForms.Contains(tokens_[c.cue_first].hash))
      return false;
    for (uint32_t k = c.cue_first; k > 0 && k + 5 > c.cue_first; --k) {
      if (IsPunct(k - 1)) return false;
      if (tokens_[k - 1].hash == kWhat) return true;
    }
    return false;
  };
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (!nested[i] && (embedded_question(c) || asked_of_you(c) || ends_question(c) ||
                       listed_word(c) || paraphrased_view(c)))
      nested[i] = 1;
  }

  // "Costa, speaking to reporters, said ...": the setting adds nothing to
  // the verb that has the same subject.
  for (size_t i = 0; i < cands.size(); ++i) {
    if (nested[i] || !cands[i].setting) continue;
    uint32_t s_first = 0, s_end = 0;
    SentenceOf(cands[i].cue_first, &s_first, &s_end);
    size_t from = i;
    while (from > 0 && cands[from - 1].cue_first >= s_first) --from;
    for (size_t j = from; j < cands.size() && cands[j].cue_first < s_end; ++j) {
      const Candidate& o = cands[j];
      if (j == i || nested[j] || o.setting || !o.has_source || o.outlet_relay) continue;
      if (o.src_first <= cands[i].src_last && cands[i].src_first <= o.src_last) nested[i] = 1;
    }
  }

  // "said in an interview with Reuters that ...": the outlet of a setting
  // is the relay of whoever spoke, never part of what they said.
  for (size_t i = 1; i < cands.size(); ++i)
    if (cands[i].outlet_relay && ClassIs(cands[i].a, "setting") &&
        cands[i - 1].cue_last + 1 == cands[i].cue_first && !cands[i - 1].a.mental)
      nested[i] = 0;

  // The candidates that stay, by index: each attribution is moved once,
  // from its candidate into the claim, when the order is settled.
  std::vector<uint32_t>& found = found_;
  std::vector<uint32_t>& outlet_relays = outlet_relays_;
  found.clear();
  outlet_relays.clear();
  for (size_t i = 0; i < cands.size(); ++i) {
    if (nested[i]) continue;
    (cands[i].outlet_relay ? outlet_relays : found).push_back(static_cast<uint32_t>(i));
  }

  // Choose the primary attribution: a sourced statement first (with an
  // outlet in the same sentence as its relay), then an outlet, then a
  // source-less hedge ("reportedly"), then a belief or intention.
  auto rank = [&cands](uint32_t i) {
    const Attribution& a = cands[i].a;
    if (a.mental || a.hedged_verb) return 4;
    if (a.kind == SourceKind::kNone) return 3;
    if (a.kind == SourceKind::kUnknown) return 2;
    return 0;
  };
  // Stable, by rank. A claim has a handful of attributions: insertion sort
  // moves none when they are in order and allocates nothing (stable_sort
  // takes a buffer even for one); a long run of them gets stable_sort.
  if (found.size() <= 16) {
    for (size_t i = 1; i < found.size(); ++i)
      for (size_t j = i; j > 0 && rank(found[j]) < rank(found[j - 1]); --j) std::swap(found[j], found[j - 1]);
  } else {
    std::stable_sort(found.begin(), found.end(),
                     [&](uint32_t x, uint32_t y) { return rank(x) < rank(y); });
  }
  std::vector<Attribution>& result = claim->attributions;
  result.clear();
  if (!found.empty() && rank(found.front()) <= 2) {
    Attribution& primary = cands[found.front()].a;
    if (primary.via.empty()) {
      for (const uint32_t i : outlet_relays) {
        const Attribution& r = cands[i].a;
        if (r.kind != SourceKind::kOutlet) continue;
        primary.via = r.source;
        primary.via_name = r.refers_to;
        break;
      }
    }
    for (const uint32_t i : found) result.push_back(std::move(cands[i].a));
    // "X said in an interview with CNN": CNN is the primary's relay, not a
    // second source of the claim.
    for (const uint32_t i : outlet_relays) {
      if (ClassIs(cands[i].a, "setting")) continue;
      result.push_back(std::move(cands[i].a));
    }
  } else {
    for (const uint32_t i : outlet_relays) result.push_back(std::move(cands[i].a));
    for (const uint32_t i : found) result.push_back(std::move(cands[i].a));
  }
  NoteOutlets(analysis_.cue_begin[claim->first_sentence],
              analysis_.cue_begin[claim->last_sentence + 1]);
}

// Empties a claim for reuse, keeping the capacity of its vectors and its
// advice string, so a section's claims are made without allocating. Its
// reasons are left as they are: Score writes the new ones over them,
// reusing their strings, and drops the rest.
void Reset(Claim* c) {
  c->first_sentence = c->last_sentence = 0;
  c->span = {};
  c->is_heading = false;
  c->attributions.clear();
  c->hedges.clear();
  c->stacked_hedges = false;
  c->score = 0;
  c->tier = Tier::kUnattributed;
  c->advice.clear();
  c->suppressed = false;
}

void Attributor::Run(std::vector<Claim>* out) {
  outlet_named_.assign(matcher_.lexicon().entries().size(), false);
  std::vector<Claim>& claims = *out;
  size_t made = 0;
  const auto& sentences = seg_.sentences;
  // Claims: sentences, merged over a quotation that spans several sentences
  // of one paragraph.
  std::vector<uint32_t> merge_to(sentences.size());
  for (uint32_t s = 0; s < sentences.size(); ++s) merge_to[s] = s;
  for (const Quotation& q : seg_.quotations) {
    if (q.last_sentence <= q.first_sentence) continue;
    if (sentences[q.first_sentence].paragraph != sentences[q.last_sentence].paragraph) continue;
    for (uint32_t s = q.first_sentence; s <= q.last_sentence; ++s)
      merge_to[s] = std::max(merge_to[s], q.last_sentence);
  }
  uint32_t s = 0;
  size_t longest = 0;  // the most tokens a claim spans
  while (s < sentences.size()) {
    uint32_t last = merge_to[s];
    for (uint32_t k = s; k <= last; ++k) last = std::max(last, merge_to[k]);
    const uint32_t first_token = sentences[s].first_token;
    const uint32_t end_token = sentences[last].first_token + sentences[last].token_count;
    if (end_token > first_token) longest = std::max<size_t>(longest, end_token - first_token);
    Claim& c = made < claims.size() ? claims[made] : claims.emplace_back();
    ++made;
    Reset(&c);
    c.first_sentence = s;
    c.last_sentence = last;
    c.span = {sentences[s].begin, sentences[last].end};
    c.is_heading = sentences[s].is_heading && s == last;
    s = last + 1;
  }
  claims.resize(made);
  // One allocation for the per-token marks of every claim, and one for each
  // list of tokens PrepareSentenceRange gathers: growing them claim by
  // claim took a dozen large blocks a document, each costing malloc more
  // than a claim's whole marking.
  marks_.resize(longest);
  name_tokens_.resize(longest);
  colons_.resize(longest);
  chunk_tokens_.resize(longest);
  for (Claim& c : claims) AttributeClaim(&c);

  // A transcript's speaker ("COSTA: I think the levy is fair. They want
  // ...") speaks to the end of the paragraph: the later sentences are the
  // speaker's words, and a cue in them is part of what the speaker said.
  // A transcript names its speakers in capitals ("JOEL BENENSON:");
  // "Superdelegates: ..." is a heading, and an interviewer's "Q:" asks
  // about what others said.
  auto is_label = [&](const Claim& c) {
    if (c.attributions.empty() || colon_entry_ == kNoEntry) return false;
    const Attribution& a = c.attributions.front();
    if (a.cue_entry != colon_entry_ || a.source.begin != sentences[c.first_sentence].begin ||
        a.kind != SourceKind::kNamedPerson || a.source.end - a.source.begin < 2)
      return false;
    for (uint32_t i = a.source.begin; i < a.source.end; ++i)
      if (text_[i] >= 'a' && text_[i] <= 'z') return false;
    return true;
  };
  // "Hewitt writes:" at a paragraph's end introduces the next paragraph;
  // "Sanders noted that veterans were ignored:" or "... include:" more
  // often introduce a list, a video or a post, and the text after it is
  // the writer's again.
  auto introduces = [&](const Claim& c) {
    if (c.attributions.empty()) return false;
    const Attribution& a = c.attributions.front();
    const Sentence& last = sentences[c.last_sentence];
    const Paragraph& para = seg_.paragraphs[last.paragraph];
    const Token& colon = tokens_[last.first_token + last.token_count - 1];
    return colon.hash == kColon && colon.begin == a.cue.end &&
           para.first_sentence + para.sentence_count == c.last_sentence + 1 && !a.mental &&
           !a.hedged_verb && a.kind != SourceKind::kNone;
  };
  const Attribution* label = nullptr;
  uint32_t label_paragraph = 0;
  for (Claim& c : claims) {
    const Sentence& first = sentences[c.first_sentence];
    const bool own_label = is_label(c);
    if (label && first.paragraph == label_paragraph && !own_label) {
      Attribution inherited = *label;
      inherited.inherited = true;
      c.attributions.clear();
      c.attributions.push_back(std::move(inherited));
      continue;
    }
    label = nullptr;
    if (own_label && seg_.paragraphs[first.paragraph].first_sentence == c.first_sentence) {
      label = &c.attributions.front();
      label_paragraph = first.paragraph;
    } else if (introduces(c)) {
      label = &c.attributions.front();
      label_paragraph = sentences[c.last_sentence].paragraph + 1;
    }
  }

  // A quotation continued into later claims keeps its speaker. Claims are
  // in text order: the ones a quotation overlaps are found by search.
  for (const Quotation& q : seg_.quotations) {
    const Attribution* speaker = nullptr;
    auto first = std::partition_point(claims.begin(), claims.end(),
                                      [&q](const Claim& c) { return c.span.end <= q.begin; });
    for (auto it = first; it != claims.end() && it->span.begin < q.end; ++it) {
      Claim& c = *it;
      if (!c.attributions.empty() && !c.attributions.front().mental &&
          c.attributions.front().kind != SourceKind::kNone) {
        if (!speaker) speaker = &c.attributions.front();
        continue;
      }
      if (speaker && c.attributions.empty()) {
        Attribution inherited = *speaker;
        inherited.inherited = true;
        c.attributions.push_back(inherited);
      }
    }
  }
  // News style reopens a quote after its attribution: '"...," she said.
  // "More."' A claim that is wholly a quotation, with no attribution of its
  // own, belongs to the speaker of the quoted claim just before it.
  for (size_t i = 1; i < claims.size(); ++i) {
    Claim& c = claims[i];
    if (!c.attributions.empty() || !WhollyQuoted(c)) continue;
    const Claim& prev = claims[i - 1];
    if (prev.attributions.empty()) continue;
    const Attribution& speaker = prev.attributions.front();
    if (speaker.mental || speaker.hedged_verb || speaker.kind == SourceKind::kNone ||
        speaker.quote == QuoteKind::kNone)
      continue;
    if (seg_.sentences[c.first_sentence].paragraph > seg_.sentences[prev.last_sentence].paragraph + 1)
      continue;
    Attribution inherited = speaker;
    inherited.inherited = true;
    inherited.quote = QuoteKind::kDirect;
    c.attributions.push_back(inherited);
  }
}

bool Attributor::WhollyQuoted(const Claim& c) const {
  const size_t i = FirstQuotationEndingAfter(c.span.begin);
  if (i >= seg_.quotations.size() || seg_.quotations[i].begin != c.span.begin) return false;
  // The closing mark may stand before or after the final period.
  return seg_.quotations[i].end + 2 >= c.span.end;
}

}  // namespace

std::vector<Claim> Attribute(const Analyzer& analyzer, const Document& document,
                             const Analysis& analysis) {
  std::vector<Claim> claims;
  Attribute(analyzer, document, analysis, &claims);
  return claims;
}

void Attribute(const Analyzer& analyzer, const Document& document, const Analysis& analysis,
               std::vector<Claim>* claims) {
  Attributor attributor(analyzer, document, analysis);
  attributor.Run(claims);
}

}  // namespace sourcecheck
