#include "sourcecheck/attribution.hpp"

#include <catch2/catch.hpp>

#include "sourcecheck/report.hpp"

using namespace sourcecheck;

namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = [] {
    std::vector<Diagnostic> diagnostics;
    Result<Analyzer> a = Analyzer::Load({}, &diagnostics);
    if (!a.ok()) FAIL(FormatDiagnostics(diagnostics));
    return std::move(a).value();
  }();
  return analyzer;
}

struct Expect {
  const char* text;        // the document
  const char* anchor;      // a substring of the claim under test
  const char* source;      // primary attribution's source text ("" for none)
  const char* kind;        // its kind
  const char* via;         // its via text ("" for none)
  const char* refers_to;   // "" for none
};

// The primary attribution of the claim holding `anchor`, as strings.
struct Got {
  std::string source, kind, via, refers_to, cue;
  bool mental = false;
  std::string quote;
};

Got PrimaryOf(const char* text, const char* anchor, std::string* claim_text) {
  const std::string t = text;
  const Document doc = Document::FromParts("t.txt", InputFormat::kText, t, t, {});
  const Report report = BuildReport(DefaultAnalyzer(), doc);
  const size_t at = t.find(anchor);
  REQUIRE(at != std::string::npos);
  Got got;
  got.kind = "none";
  for (const Claim& c : report.claims) {
    if (c.span.begin > at || at >= c.span.end) continue;
    *claim_text = t.substr(c.span.begin, c.span.end - c.span.begin);
    if (c.attributions.empty()) return got;
    const sourcecheck::Attribution& a = c.attributions.front();
    got.mental = a.mental;
    got.kind = a.mental ? "none" : SourceKindName(a.kind);
    got.source = a.mental ? "" : t.substr(a.source.begin, a.source.end - a.source.begin);
    got.via = t.substr(a.via.begin, a.via.end - a.via.begin);
    got.refers_to = a.refers_to;
    got.cue = t.substr(a.cue.begin, a.cue.end - a.cue.begin);
    got.quote = QuoteKindName(a.quote);
    return got;
  }
  FAIL("no claim holds the anchor");
  return got;
}

// Every attribution of the claim holding `anchor`, as "cue|source|class"
// strings ("-" for no source), in the claim's order.
std::vector<std::string> AllOf(const char* text, const char* anchor) {
  const std::string t = text;
  const Document doc = Document::FromParts("t.txt", InputFormat::kText, t, t, {});
  const Report report = BuildReport(DefaultAnalyzer(), doc);
  const size_t at = t.find(anchor);
  REQUIRE(at != std::string::npos);
  std::vector<std::string> out;
  for (const Claim& c : report.claims) {
    if (c.span.begin > at || at >= c.span.end) continue;
    for (const sourcecheck::Attribution& a : c.attributions) {
      const std::string source =
          a.source.empty() ? "-" : t.substr(a.source.begin, a.source.end - a.source.begin);
      out.push_back(t.substr(a.cue.begin, a.cue.end - a.cue.begin) + "|" + source + "|" +
                    a.verb_class + (a.mental ? "|mental" : ""));
    }
  }
  return out;
}

// Checks each case's primary attribution: source, kind, via and refers_to.
void CheckCases(std::initializer_list<Expect> cases) {
  for (const Expect& e : cases) {
    std::string claim;
    const Got got = PrimaryOf(e.text, e.anchor, &claim);
    INFO("claim: " << claim << "\ncue: " << got.cue);
    CHECK(got.source == e.source);
    CHECK(got.kind == e.kind);
    CHECK(got.via == e.via);
    CHECK(got.refers_to == e.refers_to);
  }
}

// Function words that must never be a source on their own.
bool BareFunctionWord(const std::string& s) {
  static const char* const kWords[] = {"and", "to", "but", "when", "before", "after", "by",
                                       "in", "for", "the", "a", "that", "which", "who", "'s",
                                       "don't", "said", "now", "so", "while", "as", "of"};
  for (const char* w : kWords)
    if (s == w) return true;
  return false;
}

}  // namespace

TEST_CASE("Attribution finds source, kind and relay for news constructions", "[attribution]") {
  const Expect cases[] = {
      // SOURCE said (that) ...
      {"Finance Minister Ana Costa said the budget would balance.", "budget", "Finance Minister Ana Costa", "named_person", "", ""},
      {"Ana Costa said that the budget would balance.", "budget", "Ana Costa", "named_person", "", ""},
      // inverted
      {"\"We will balance the budget,\" said Ana Costa.", "balance", "Ana Costa", "named_person", "", ""},
      {"\"We will balance the budget,\" Costa said.", "balance", "Costa", "named_person", "", ""},
      {"The budget will balance, the finance ministry said on Tuesday.", "balance", "the finance ministry", "organization", "", ""},
      // according to
      {"According to the State Department, the embassy will reopen.", "embassy", "the State Department", "organization", "", ""},
      {"The embassy will reopen, according to sources.", "embassy", "sources", "anonymous_bare", "", ""},
      {"According to people familiar with the talks cited by Reuters, the deal is close.", "deal", "people familiar with the talks", "anonymous_described", "Reuters", ""},
      // SOURCE told OUTLET
      {"Ana Costa told Reuters the budget would balance.", "budget", "Ana Costa", "named_person", "Reuters", ""},
      {"Ana Costa said in an interview with Reuters that the budget would balance.", "budget", "Ana Costa", "named_person", "Reuters", ""},
      {"As the analyst Rui Mendes told Bloomberg, \"Nobody expected the cut to be this deep.\"", "Nobody", "the analyst Rui Mendes", "named_person", "Bloomberg", ""},
      // OUTLET reported
      {"The Washington Post reported that the agency had lost the files.", "files", "The Washington Post", "outlet", "", "The Washington Post"},
      {"The New York Times first reported the merger. The merger is worth $4bn, the report says.", "worth", "the report", "outlet", "", "The New York Times"},
      // relayed statement: ", OUTLET reported"
      {"The Wall Street Journal covered the talks. Trade envoy Mei Tan said the tariffs would stay, the Journal reported.", "tariffs", "Trade envoy Mei Tan", "named_person", "the Journal", ""},
      // cited by / citing
      {"Economists cited by Bloomberg expect two rate cuts this year.", "rate cuts", "Economists", "vague", "Bloomberg", ""},
      // in a statement
      {"In a statement, the White House said the visit was postponed.", "postponed", "the White House", "organization", "", ""},
      // spokesperson of a named body
      {"A Pentagon spokesperson said the drills were routine.", "drills", "A Pentagon spokesperson", "organization", "", ""},
      // anonymous, described and bare
      {"A senior official who was not authorized to speak publicly said the plan had been shelved.", "shelved", "A senior official", "anonymous_described", "", ""},
      {"Sources said the plan had been shelved.", "shelved", "Sources", "anonymous_bare", "", ""},
      // vague
      {"Critics say the plan is unfair to renters.", "renters", "Critics", "vague", "", ""},
      // pronoun coreference
      {"Dr. Helen Okafor runs the clinic. She said the ward would close in May.", "ward", "She", "named_person", "", "Helen Okafor"},
      {"Defence spokesman Arno Veldt spoke on Monday. He said the exercise would continue.", "exercise", "He", "named_person", "", "Arno Veldt"},
      // a description pointing back to a named person
      {"Senator Ruth Blake opposed the bill. The senator said it would raise prices.", "raise prices", "The senator", "named_person", "", "Ruth Blake"},
      // attributions without a source
      {"The minister is said to be furious about the leak.", "furious", "", "none", "", ""},
      {"The talks reportedly collapsed on Friday.", "collapsed", "", "none", "", ""},
      // a named holder's belief is the writer's reading; an unnamed group's
      // belief is reported as theirs
      {"President Ilves sees the vote as a test of his reforms.", "test", "", "none", "", ""},
      {"Officials fear the ceasefire will collapse.", "ceasefire", "Officials", "vague", "", ""},
      {"Officials at the ministry fear the ceasefire will collapse.", "ceasefire", "Officials at the ministry", "anonymous_described", "", ""},
      // settings: "told reporters", "in a statement", "in an interview with"
      {"Mayor Tom Reyes told reporters the bridge would reopen on Monday.", "bridge", "Mayor Tom Reyes", "named_person", "", ""},
      {"In an interview with the BBC, Ana Costa said the budget would balance.", "budget", "Ana Costa", "named_person", "the BBC", ""},
      {"\"We have no plans to sell,\" a spokesperson for the port authority said.", "plans", "a spokesperson for the port authority", "organization", "", ""},
      {"In a statement, the ministry said the minister had resigned.", "resigned", "the ministry", "organization", "", ""},
      // citing: the outlet relays the source after it
      {"Reuters, citing two diplomats, reported that the talks had stalled.", "stalled", "two diplomats", "anonymous_described", "Reuters", ""},
      // a name holding "for" or "of" stays whole, and the spokesperson
      // speaks for the body it names
      {"A spokesperson for the Department for Transport said the line would reopen.", "line", "A spokesperson for the Department for Transport", "organization", "", ""},
      {"A spokeswoman for YouTube said the video had been removed.", "video", "A spokeswoman for YouTube", "organization", "", ""},
      {"Jeffrey Lewis of the Middlebury Institute said the test had failed.", "test", "Jeffrey Lewis of the Middlebury Institute", "named_person", "", ""},
      {"Sen. Tom Udall of New Mexico said the bill would pass.", "bill", "Sen. Tom Udall of New Mexico", "named_person", "", ""},
      {"A professor at Harvard said the plan would fail.", "plan", "A professor at Harvard", "anonymous_described", "", ""},
      // praise or a ranking inside the phrase qualifies its head: not a crowd
      {"The controversial senator said the tax would fail.", "tax", "The controversial senator", "anonymous_described", "", ""},
      {"The widely respected economist said the tax would fail.", "tax", "The widely respected economist", "anonymous_described", "", ""},
      {"The controversial coach said the team would win.", "team", "The controversial coach", "unknown", "", ""},
      // but a belief held by a crowd is vague
      {"The conventional wisdom says the tax will fail.", "tax", "The conventional wisdom", "vague", "", ""},
      // a relative pronoun is the subject; its antecedent names the source
      {"The budget passed after a long fight with Ana Costa, who said it was unfair.", "unfair", "who", "named_person", "", "Ana Costa"},
      {"Ana Costa met the board of the port authority, which said the budget was sound.", "sound", "which", "organization", "", "the port authority"},
      // no attribution at all
      {"The bridge opened in 1932 and carries 40,000 cars a day.", "bridge", "", "none", "", ""},
  };
  for (const Expect& e : cases) {
    std::string claim;
    const Got got = PrimaryOf(e.text, e.anchor, &claim);
    INFO("claim: " << claim << "\ncue: " << got.cue);
    CHECK(got.source == e.source);
    CHECK(got.kind == e.kind);
    CHECK(got.via == e.via);
    CHECK(got.refers_to == e.refers_to);
  }
}

TEST_CASE("A role word after an abbreviated title is a surname", "[attribution]") {
  CheckCases({
      {"Mr. King added that the ferry would run on Sundays.", "ferry", "Mr. King", "named_person", "", ""},
      {"Ms. Judge said the archive would close early.", "archive", "Ms. Judge", "named_person", "", ""},
      {"Dr. Sheriff told the panel the trial had stalled.", "trial", "Dr. Sheriff", "named_person", "", ""},
      // the surname is remembered for a pronoun in the next sentence
      {"Mr. King opened the depot. He said the vans were ready.", "vans", "He", "named_person", "", "King"},
      // without a title the role word is still a role
      {"King Harald said the harvest was poor.", "harvest", "King Harald", "named_person", "", ""},
      {"The ferry will run, a senator said.", "ferry", "a senator", "anonymous_described", "", ""},
  });
}

TEST_CASE("A plural common noun opening a sentence is a crowd, not a name", "[attribution]") {
  CheckCases({
      {"Opponents insist the canal will silt up within a decade.", "canal", "Opponents", "vague", "", ""},
      {"Adherents believe the fasting plan sharpens memory.", "fasting", "Adherents", "vague", "", ""},
      {"Others insist the lottery draw was fixed.", "lottery", "Others", "vague", "", ""},
      {"Critics insist the tram line is too slow.", "tram", "Critics", "vague", "", ""},
      {"Purists argue the new edition spoils the maps.", "edition", "Purists", "vague", "", ""},
      {"Yet opponents insist the canal will silt up.", "canal", "opponents", "vague", "", ""},
      // a surname named before stays a person
      {"Hugo Peters chairs the trust. Peters insists the canal is safe.", "safe", "Peters", "named_person", "", ""},
  });
}

TEST_CASE("A crowd with an of-phrase is the whole phrase and vague", "[attribution]") {
  CheckCases({
      {"Critics of the levy say it punishes tenants.", "tenants", "Critics of the levy", "vague", "", ""},
      {"Critics of this reading argue the clause is narrow.", "clause", "Critics of this reading", "vague", "", ""},
      {"Opponents of the quarry claim the dust is toxic.", "dust", "Opponents of the quarry", "vague", "", ""},
      {"Many of the growers said the frost came early.", "frost", "Many of the growers", "vague", "", ""},
  });
}

TEST_CASE("A group led by a vague quantifier is vague unless a body or vantage describes it", "[attribution]") {
  CheckCases({
      {"Most glacier scientists believe the ice shelf will split.", "shelf", "Most glacier scientists", "vague", "", ""},
      {"Other testers complained that the battery drains fast.", "battery", "Other testers", "vague", "", ""},
      {"The majority of subscribers feel the app is slower.", "app", "The majority of subscribers", "vague", "", ""},
      {"Many economists say the toll is regressive.", "toll", "Many economists", "vague", "", ""},
      {"Some analysts warn the peso could slide.", "peso", "Some analysts", "vague", "", ""},
      // a vantage or a body keeps the group described
      {"Officials familiar with the audit said the books balanced.", "books", "Officials familiar with the audit", "anonymous_described", "", ""},
      {"Two Treasury Department officials said the bond sale would slip.", "bond", "Two Treasury Department officials", "anonymous_described", "", ""},
      {"A Treasury Department spokesperson said the bond sale would slip.", "bond", "A Treasury Department spokesperson", "organization", "", ""},
  });
}

TEST_CASE("A journalist named with their outlet is a person, reached through the outlet", "[attribution]") {
  CheckCases({
      {"Lena M. Okoro II, a writer for The Atlantic, said the turnout was thin.", "turnout", "Lena M. Okoro II, a writer for The Atlantic", "named_person", "The Atlantic", ""},
      {"NBC's Tomas Reyne said the turnout was thin.", "turnout", "NBC's Tomas Reyne", "named_person", "NBC", ""},
      // the outlet alone is still the outlet
      {"The Atlantic reported that the turnout was thin.", "turnout", "The Atlantic", "outlet", "", "The Atlantic"},
  });
}

TEST_CASE("A quotation over several sentences is one claim with one speaker", "[attribution]") {
  std::string claim;
  const Got got = PrimaryOf(
      "\"We did nothing wrong. We will fight this in court,\" said Mara Lind, the firm's founder.",
      "fight this", &claim);
  CHECK(claim.find("We did nothing wrong.") != std::string::npos);
  CHECK(got.kind == "named_person");
  CHECK(got.quote == "direct");
}

TEST_CASE("A quotation continued in the next paragraph keeps its speaker", "[attribution]") {
  const std::string text =
      "\"The harbour has been neglected for years,\" said Mara Lind, the port's director. \"We need the money.\n\n"
      "\"Without it the cranes will stop,\" she added.";
  std::string claim;
  const Got got = PrimaryOf(text.c_str(), "cranes", &claim);
  CHECK(got.kind == "named_person");
}

TEST_CASE("Source kinds have stable names", "[attribution]") {
  CHECK(std::string(SourceKindName(SourceKind::kAnonymousDescribed)) == "anonymous_described");
  CHECK(std::string(SourceKindName(SourceKind::kUnknown)) == "unknown");
  CHECK(std::string(QuoteKindName(QuoteKind::kPartial)) == "partial");
}

TEST_CASE("Every attribution of a claim, rule by rule", "[attribution]") {
  struct Row {
    const char* text;
    const char* anchor;
    std::vector<std::string> expected;  // AllOf(text, anchor)
  };
  const Row rows[] = {
      // An attribution inside another's content is part of what the outer
      // source said.
      {"Ana Costa said the ministry wants to raise taxes.", "ministry",
       {"said|Ana Costa|neutral"}},
      {"According to the survey, most farmers believe the rules are unfair.", "farmers",
       {"According to|the survey|phrase"}},
      // A stance in the passive is its agent's, not its patient's.
      {"The tax was opposed by the union.", "tax", {"opposed|the union|stance|mental"}},
      // A noun with its complement belongs to its possessor.
      {"Her criticism of the plan drew a sharp reply.", "plan", {"criticism of|Her|loaded"}},
      {"The senator threw her support behind the bill.", "bill",
       {"threw her support behind|The senator|stance"}},
      // An outlet relays the attributions in what it reports.
      {"According to The Wall Street Journal, the minister said the deal was off.", "deal",
       {"said|the minister|neutral", "According to|The Wall Street Journal|phrase"}},
      // A parenthetical in the middle of its sentence holds the words on
      // both sides of it; after a conjunction a new clause begins, and a
      // relative clause's verb holds nothing of the main clause.
      {"At the last hearing, Mara Lind said, the council wanted to close the pier.", "pier",
       {"said|Mara Lind|neutral"}},
      {"The levy, Osei said, is what the towns fear most.", "towns", {"said|Osei|neutral"}},
      {"The levy is so high, Osei said, that the towns want it gone.", "towns",
       {"said|Osei|neutral"}},
      {"The levy is fair, Osei said, but the towns want it gone.", "towns",
       {"said|Osei|neutral", "want|the towns|intention|mental"}},
      {"Costa, who said little, wants the pier closed.", "pier",
       {"said|who|neutral", "wants|Costa|intention|mental"}},
      // A transcript's speaker in capitals speaks to the end of the
      // paragraph; a heading before a colon does not.
      {"OSEI: I think the levy is fair. The towns want it gone.", "towns",
       {":|OSEI|neutral"}},
      {"Harbour plans: Costa backs the levy. The towns want it gone.", "towns",
       {"want|The towns|intention|mental"}},
      // A verb and colon that close a paragraph introduce the next one; a
      // colon after the verb's object introduces a list or a post.
      {"Osei wrote:\n\nThe towns want the levy gone.\n", "towns", {"wrote|Osei|publication"}},
      {"Osei noted that the levy passed:\n\nThe towns want it gone.\n", "towns",
       {"want|The towns|intention|mental"}},
      // A question asserts nothing: its verb is part of it. The answer's
      // verb, after no comma, is not.
      {"The mayor was asked whether she thought the pier was safe.", "pier",
       {"asked|-|neutral"}},
      {"Asked whether she was nervous about the vote she said: \"It is out of my hands.\"", "vote",
       {"said|she|neutral", "Asked|-|neutral"}},
      // A pronoun's verb in an embedded question is no one's claim.
      {"It is unclear whether she will endorse the levy.", "levy", {}},
      {"The towns are split, and no one knows whether they support the levy.", "levy", {}},
      // A day after the verb is when, not who.
      {"\"The pier is unsafe,\" Ana Costa, the harbour engineer, said Sunday.", "pier",
       {"said|Ana Costa, the harbour engineer|neutral"}},
      // A belief asked of "you" is a question; one in a quotation is the
      // speaker's words.
      {"Do you think the pier is safe?", "pier", {}},
      // "what X saw as" is the writer's paraphrase, not X's reported view.
      {"The miners walked out over what they saw as broken promises.", "promises", {}},
      // A one-word cue of a view right before "and" is a noun in a list.
      {"The harbour levy would carry both hope and danger for farmers.", "farmers", {}},
      // A question that ends on its cue asks; it reports nothing.
      {"The levy passed in May. What does the harbour board want?", "board", {}},
      {"\"Do you think the pier is safe?\" Osei asked.", "pier", {"asked|Osei|neutral"}},
      // A clause after ", but" is not the first speaker's content.
      {"Ana Costa said the budget would balance, but the opposition said it would not.", "opposition",
       {"said|Ana Costa|neutral", "said|the opposition|neutral"}},
      // An outer cue in a subordinate clause ends at the clause's comma.
      {"When the mayor said the bridge was safe, engineers warned it was not.", "engineers",
       {"said|the mayor|neutral", "warned|engineers|assertive"}},
      // A parenthetical attribution at the end holds what stands before it.
      {"The ferry company plans to cut its crossings, according to two officials.", "ferry",
       {"according to|two officials|phrase"}},
      // A finite talk is reported with its topic; without one it is an event.
      {"The senator spoke to farmers about the levy on Monday.", "levy",
       {"spoke to|The senator|neutral"}},
      {"The senator spoke to the farmers union on Monday.", "union", {}},
      // A speaker's verb right before "according to" is part of the report
      // that the outer source gives.
      {"\"The pier stays shut,\" Osei said, according to the Harbour Gazette.", "pier",
       {"according to|the Harbour Gazette|phrase"}},
      {"Mara Lind found the harbour in ruins, she said.", "ruins", {"said|she|neutral"}},
      // A participle or a coordinated verb shares the subject.
      {"The mayor criticized the plan, saying it would raise rents.", "rents",
       {"criticized|The mayor|loaded", "saying|The mayor|neutral"}},
      {"Senator Ana Costa voted against the bill and said it was rushed.", "rushed",
       {"said|Senator Ana Costa|neutral", "voted against|Senator Ana Costa|stance|mental"}},
      {"The council countered by saying the levy was temporary.", "levy",
       {"countered|The council|neutral"}},
      {"Yet the governor is facing criticism after saying the levy would stay.", "levy",
       {"saying|the governor|neutral"}},
      {"Speaking in Lisbon, the minister promised a new budget.", "Lisbon",
       {"promised|the minister|assertive"}},
      // Infinitives: no one's yet, unless a verb governs them ("met to
      // discuss" is the purpose of those who met).
      {"The council met to discuss the budget.", "council", {"discuss|The council|neutral"}},
      {"The governor went on to say the levy would stay.", "levy",
       {"say|The governor|neutral"}},
      {"The scandal led voters in Ohio to question the mayor.", "scandal", {}},
      // The object of a verb of permission or pressure does what follows.
      {"The new rules allow tenants to tell inspectors about unsafe homes.", "tenants",
       {"tell|tenants|neutral"}},
      {"The defeat led her to explain that the campaign was over.", "defeat",
       {"explain|her|neutral"}},
      // Nouns are not verbs; a possessor is the source of a claim noun.
      {"The reports were later withdrawn.", "reports", {}},
      {"His claim that the vote was rigged was rejected by the court.", "rigged",
       {"rejected|the court|loaded", "claim|His|loaded"}},
      {"Clinton's support among older voters has fallen.", "older", {}},
      {"Clinton won 40 pledged delegates in the state.", "delegates", {}},
      // A claim noun heading its phrase is an attribution to no one named.
      {"The lingering doubts about the plan have not gone away.", "lingering",
       {"doubts|-|mental|mental"}},
      {"Amid calls for his resignation, the mayor stayed on.", "resignation",
       {"calls for|-|intention|mental"}},
      // Pronouns before negation and contractions.
      {"I don't think the plan will work.", "plan", {"think|I|mental|mental"}},
      {"We'll say more about the plan tomorrow.", "tomorrow", {"say|We'll|neutral"}},
      {"Several said the plan was rushed.", "rushed", {"said|Several|neutral"}},
      // Relative pronouns: the antecedent is the source.
      {"The union, which represents 5,000 nurses, said the strike would go ahead.", "strike",
       {"said|The union|neutral"}},
      {"Nurses who walked out on Monday said the wards were understaffed.", "wards",
       {"said|Nurses|neutral"}},
      // Passives: the agent after "by", or no one.
      {"The plan was criticized by local farmers.", "farmers",
       {"criticized|local farmers|loaded"}},
      // "accused of" after a noun is a passive: the noun is the accused.
      {"A contractor accused of fraud will stay in custody.", "custody", {"accused|-|loaded"}},
      {"When asked about the delay, the minister said talks would resume.", "delay",
       {"said|the minister|neutral", "asked|-|neutral"}},
      // Stances are held, not sourced; impressions have no holder.
      {"Former governor Mara Lind endorsed the mayor on Friday.", "Friday",
       {"endorsed|Former governor Mara Lind|stance|mental"}},
      // A stance held by an unnamed group is reported as theirs.
      {"Most farmers opposed the new water rules.", "farmers",
       {"opposed|Most farmers|stance"}},
      {"The deal appears to have collapsed.", "deal", {"appears|-|impression"}},
      {"The bill is expected to pass next week.", "bill", {"is expected|-|impression"}},
      // A speaker named before a colon; a label is no speaker.
      {"COSTA: We will balance the budget next year.", "balance", {":|COSTA|neutral"}},
      {"Correction: An earlier version misspelled the minister's name.", "misspelled", {}},
      {"Remember: The harbour flooded twice last winter.", "flooded", {}},
      {"Plus: what the new levy means for the port and its tenants.", "levy", {}},
      {"Ohio: Ana Costa, Mara Lind, Cory Hale, Tom Osei, Lena Park.", "Lind", {}},
      // A short "Name: ..." paragraph is a section heading, unless a
      // speaker's turn follows it.
      {"The race is close.\n\nOsei: Now or never.\n\nOsei has held 40 town halls.", "never", {}},
      {"The debate went on.\n\nOSEI: We can still win.\n\nLIND: Why not sooner?", "win",
       {":|OSEI|neutral"}},
      {"Costa on Harbour Levy: Farmers Will Pay Their Share.", "Farmers",
       {":|Costa|neutral"}},
      {"Mayor Lind to Tenants: Rents will not rise this year.", "Rents",
       {":|Mayor Lind|neutral"}},
      {"The port reopened.\n\nLimited Funds to Fight Floods: The council has spent its reserve.",
       "reserve", {}},
      // Names with a party parenthesis, initials and a title after them.
      {"Sen. Ana Costa (D-Ore.) said the bill would pass.", "bill",
       {"said|Sen. Ana Costa (D-Ore.)|neutral"}},
      {"Martin L. Osei Jr. said the port would reopen.", "port",
       {"said|Martin L. Osei Jr.|neutral"}},
      // A time between subject and verb.
      {"The mayor on Tuesday announced a new levy.", "levy",
       {"announced|The mayor|publication"}},
      // Only saying verbs invert; a transitive verb's object is no source.
      {"Ana Costa, the finance minister, criticized the central bank's forecast.", "forecast",
       {"criticized|Ana Costa, the finance minister|loaded"}},
      // "told reporters" repeats the subject of the verb beside it.
      {"The mayor, speaking to reporters, said the bridge would reopen.", "bridge",
       {"said|The mayor|neutral"}},
      // An adjective or participle form that is no verb here.
      {"The minister appeared on television on Sunday.", "television", {}},
      {"The Associated Press reported that the talks had stalled.", "stalled",
       {"reported|The Associated Press|publication"}},
      // A byline's credit is no attribution.
      {"Ana Costa reported from Lisbon.", "Lisbon", {}},
      // An age, a hometown and a state between commas belong to the name.
      {"Cory Hale, 27, of Flint, Mich., said the water was unsafe.", "water",
       {"said|Cory Hale, 27, of Flint, Mich.|neutral"}},
      // A dateline and an introductory phrase are not the main subject.
      {"LISBON - The finance minister defended the budget, saying it was fair.", "fair",
       {"defended|The finance minister|assertive", "saying|The finance minister|neutral"}},
      {"Shortly after the vote, the senator left the chamber, saying the bill was dead.", "dead",
       {"saying|the senator|neutral"}},
      // A verb cue is never the source of the setting beside it.
      {"The mayor declared in an interview that the port would stay open.", "port",
       {"declared|The mayor|assertive"}},
      // A speaker after the verb, alone ("..., tweeted another.").
      {"\"The vote was rigged,\" tweeted another.", "rigged", {"tweeted|another|publication"}},
      // An apposition between dashes; the object of a setting is no source.
      {"A former candidate -- Ana Costa, who lost in 2008 -- said the plan was weak.", "weak",
       {"said|A former candidate -- Ana Costa, who lost in 2008|neutral"}},
      {"An official speaking to Reuters said the agents were busy.", "agents",
       {"said|An official|neutral"}},
      // An outlet the source spoke to is the relay of the attribution, not a
      // second source.
      {"Ana Costa said in an interview with Reuters that the port would close.", "port",
       {"said|Ana Costa|neutral"}},
      // Colons after a speaker in a transcript; an interviewer's "Q:" asks,
      // and its question attributes nothing.
      {"OSEI: The port will reopen in May.", "port", {":|OSEI|neutral"}},
      {"Q: Will the port reopen?", "port", {}},
      // A transcript quoted whole: each turn opens with a quotation mark,
      // and its label is the speaker all the same.
      {"\"OSEI: The port will reopen in May.", "port", {":|OSEI|neutral"}},
      // Inside a quotation that runs on, a colon names no speaker.
      {"\"We said it then and we say it now: the port will reopen in May,\" Osei said.", "port",
       {"said|Osei|neutral"}},
      // An introductory phrase opening the sentence ends at its comma: the
      // attribution after it is not nested in it.
      {"Asked whether she feared a strike, Mara Lind said the talks would go on.", "talks",
       {"said|Mara Lind|neutral", "Asked|-|neutral"}},
      {"Despite what he wrote in the memo, Osei said the levy would stay.", "levy",
       {"said|Osei|neutral", "wrote|he|publication"}},
      {"Osei said the levy would stay to show that the town \"has principles,\" he said.",
       "principles", {"said|Osei|neutral", "said|he|neutral"}},
      {"Sensing that the critics opposed the levy, Lind said the port would close.", "port",
       {"opposed|the critics|stance", "said|Lind|neutral"}},
      {"Just before the minister made the announcement, Osei told reporters the port would close.",
       "port", {"made the announcement|the minister|neutral", "told reporters|Osei|neutral"}},
      {"Even in Lisbon, where two ministers have backed the levy, Osei said the port would close.",
       "port", {"backed|two ministers|stance", "said|Osei|neutral"}},
      // A relative clause with a speaker of its own ("which he said",
      // "that she said", "who said") is that speaker's attribution, not
      // part of the outer one's content; other verbs after "who" or a
      // "that" after the outer verb stay inside it.
      {"Osei praised the harbour board for the new locks, which he said had cut delays at the pier.",
       "delays", {"praised|Osei|loaded", "said|he|neutral"}},
      {"Mara Lind defended the levy - a change that she said would pay for dredging.", "dredging",
       {"defended|Mara Lind|assertive", "said|she|neutral"}},
      {"In the survey, 41 percent backed the levy, compared with 30 percent who said it was too "
       "steep.",
       "steep", {"In|the survey|phrase", "said|who|neutral"}},
      {"Osei told the council that he welcomed the vote on the pier.", "pier",
       {"told|Osei|neutral"}},
      // A speaker named in full inside a relative clause whose verb follows
      // the cue at once; a "that" opening the reported clause stays inside.
      {"Osei defended the harbour fund, which the auditors said was badly run.", "badly",
       {"defended|Osei|assertive", "said|the auditors|neutral"}},
      {"Osei praised the pier, a project that the engineers said cut delays.", "delays",
       {"praised|Osei|loaded", "said|the engineers|neutral"}},
      {"Osei told the council that the engineers said the pier was safe.", "safe",
       {"told|Osei|neutral"}},
      // A clause joined by "and", "but" or "while" to a verb of stance or judgement
      // is a new statement; after a verb of saying it is still content.
      {"Osei praised the new pier on Monday but Lind said it was too costly.", "costly",
       {"praised|Osei|loaded", "said|Lind|neutral"}},
      {"Osei said the pier was safe and Lind said it was too costly.", "costly",
       {"said|Osei|neutral"}},
      {"Osei criticized the new pier while Lind said it was worth the cost.", "worth",
       {"criticized|Osei|loaded", "said|Lind|neutral"}},
      // A name given by a speaker of its own after "what"; a pronoun
      // after "what" repeats the outer source.
      {"Osei praised the pier, ending what the engineers called a decade of delays.", "decade",
       {"praised|Osei|loaded", "called|the engineers|loaded"}},
      {"The council denounced what it called a reckless levy.", "reckless",
       {"denounced|The council|loaded"}},
      // A speaker after a quotation owns it, though the outer content runs
      // past it.
      {"Mara Lind praised the pier - \"It pays for itself,\" she said - and urged a vote.",
       "vote", {"praised|Mara Lind|loaded", "said|she|neutral", "urged|Mara Lind|intention|mental"}},
      {"Mara Lind thanked the rangers who criticized the dredging plan.", "dredging",
       {"thanked|Mara Lind|neutral"}},
      // Asides walked back over to the subject: an adverb, a relative clause,
      // an apposition of any length.
      {"Osei, meanwhile, who has no endorsements, said the count was wrong.", "count",
       {"said|Osei|neutral"}},
      {"Mara Lind, who founded Tidewatch, a harbour charity in Lisbon, said the pier was unsafe.",
       "pier", {"said|Mara Lind, who founded Tidewatch, a harbour charity in Lisbon|neutral"}},
      {"Ana Costa, a Lisbon councillor who has sat on the harbour board and chaired two of its "
       "budget inquiries since 2019, said the dredging was late.",
       "dredging",
       {"said|Ana Costa, a Lisbon councillor who has sat on the harbour board and chaired two of "
        "its budget inquiries since 2019|neutral"}},
      // What is cited names no one: the citer is the source.
      {"Osei cited rising rents as the reason for the levy.", "levy", {"cited|Osei|neutral"}},
      {"The council cited an internal audit as proof of the waste.", "waste",
       {"cited|The council|neutral"}},
      {"Mara Lind, citing Ana Costa, said the pier was unsafe.", "pier",
       {"citing|Mara Lind|neutral", "said|Mara Lind|neutral"}},
      {"Mara Lind, citing the cost of dredging, voted against the plan.", "plan",
       {"citing|Mara Lind|neutral", "voted against|Mara Lind|stance|mental"}},
      // Verbs of saying and stance added from news usage.
      {"The mayor bemoaned the state of the harbour.", "harbour",
       {"bemoaned|The mayor|loaded"}},
      {"The minister downplayed the risk of a strike.", "risk",
       {"downplayed|The minister|loaded"}},
      {"The union is not expected to call a strike this year.", "strike",
       {"is not expected|-|impression"}},
      {"Most tenants had expected a smaller rise.", "rise",
       {"had expected|Most tenants|mental"}},
      // A clitic "'s" before a participle is "has" unless an agent or an
      // infinitive follows.
      {"Look at Osei. He's said the levy will stay.", "levy", {"said|He|neutral"}},
      {"The plan was drawn up by Mara Lind, who's argued for years that the pier is unsafe.",
       "pier", {"argued|who|assertive"}},
      {"The pier is unsafe. It's backed by the harbour board.", "board",
       {"backed|the harbour board|stance|mental"}},
      // A gerund after a verb of beginning or going on shares its subject.
      {"Osei kept asking why the pier had closed.", "pier", {"asking|Osei|neutral"}},
      // A participle closing a clause after ", but" is that clause's
      // subject's; after a time phrase, the subject follows the phrase.
      {"The levy is a gamble, but Osei was in Lisbon on Tuesday, defending it.", "gamble",
       {"defending|Osei|assertive"}},
      {"Hours later, Osei returned to the harbour, telling reporters the pier was safe.", "pier",
       {"telling|Osei|neutral"}},
      // An aside after a name with its party, or with a few quoted words.
      {"Sen. Ana Costa (D-Ore.), said after a vote that the levy would stay.", "levy",
       {"said|Sen. Ana Costa (D-Ore.)|neutral"}},
      {"Mara Lind (D-Ore.), noting the cost of dredging, said the pier was unsafe.", "pier",
       {"noting|Mara Lind|neutral", "said|Mara Lind (D-Ore.)|neutral"}},
      {"Osei, who calls the levy a \"fraud,\" said the pier was unsafe.", "pier",
       {"calls|who|loaded", "said|Osei|neutral"}},
      // An infinitive after a verb form or an -ly adjective is the
      // subject's; one after a permission is an anonymous source's
      // boilerplate.
      {"Osei was inclined to denounce the levy.", "levy",
       {"denounce|Osei|loaded"}},
      {"Harbour workers were more likely to say the pier was unsafe.", "pier",
       {"say|Harbour workers|neutral"}},
      {"The aide was not authorized to discuss the levy.", "levy", {}},
      // A gerund in a phrase opening the sentence is the subject's after
      // the phrase; a two-word name before an aside is no hometown, and
      // the relative clause describing it is shown with it.
      {"In describing the levy, Osei said it was fair.", "fair",
       {"describing|Osei|neutral", "said|Osei|neutral"}},
      {"Recalling the vote, Mara Lind, who chaired the board, said it was close.", "close",
       {"said|Mara Lind, who chaired the board|neutral"}},
      {"The harbour master, Mara Lind, who chaired the board, said it was close.", "close",
       {"said|The harbour master, Mara Lind, who chaired the board|neutral"}},
      // Verbs listed after a comma share the subject; a plural noun cue
      // right before a verb cue is its subject.
      {"Osei backs the levy, opposes the pier.", "pier",
       {"backs|Osei|stance|mental", "opposes|Osei|stance|mental"}},
      {"Mara Lind seems certain to win.", "win", {"seems|-|impression"}},
      {"Harbour board reports show the pier is unsafe.", "unsafe",
       {"show|Harbour board reports|neutral"}},
      // A participle shares the clause's subject, not a possessor's, a
      // setting's or one inside a noun phrase; the sentence's subject
      // comes after an opening participle's phrase or a dateline.
      {"Osei rescinded his endorsement of the levy, saying it was unfair.", "unfair",
       {"saying|Osei|neutral", "endorsement of|Osei|stance|mental"}},
      {"Osei appears in videos he calls \"Harbour Watch,\" telling viewers the pier is unsafe.",
       "unsafe", {"telling|Osei|neutral", "calls|he|loaded"}},
      {"Facing mounting criticism, Osei released a statement on Sunday, defending the levy.",
       "levy", {"released a statement|Osei|publication", "defending|Osei|assertive"}},
      {"Lisbon (AFP) - Mara Lind took a swipe at the port board, saying it had failed.", "failed",
       {"took a swipe at|Mara Lind|loaded", "saying|Mara Lind|neutral"}},
      {"Osei at the time said the pier was safe.", "safe", {"said|Osei|neutral"}},
      // A gerund after "the step of", "instead of" is the clause subject's.
      {"The port board took the unusual step of criticizing the levy.", "levy",
       {"criticizing|The port board|loaded"}},
      // A finite verb after an -ing noun, a count or a year.
      {"A new ranking says the port is the busiest in Europe.", "busiest",
       {"says|A new ranking|neutral"}},
      {"About four in 10 said they would move.", "move", {"said|four in 10|neutral"}},
      {"Mara Lind, who in 2010 said the pier was unsafe, resigned.", "pier",
       {"said|who|neutral"}},
      // A poll the figures come from is their source, "in" its cue.
      {"In a Harbour Institute poll, 40 percent of tenants said the rents were unfair.", "rents",
       {"In|a Harbour Institute poll|phrase"}},
      {"The mayor leads by 12 points in a new survey of the city's voters.", "mayor",
       {"in|a new survey|phrase"}},
      {"The mayor has slipped in the polls since June.", "mayor", {}},
      // A colon opening a quotation: the name before it, else the subject of
      // the clause before it; never what the quotation is ("was:").
      {"Ana Costa was blunt: \"The harbour is safe.\"", "harbour",
       {":|Ana Costa|neutral"}},
      {"The delay does not surprise the engineer Mara Lind: \"Dredging always runs late.\"",
       "Dredging", {":|Mara Lind|neutral"}},
      {"The council's new slogan was: \"A harbour for everyone.\"", "slogan", {}},
      {"More from the audit: \"The harbour fund was never balanced.\"", "fund",
       {":|the audit|neutral"}},
      // A poll's share speaking: "four in 10", "42%".
      {"About four in 10 said they were worse off than a year ago.", "worse",
       {"said|four in 10|neutral"}},
      {"On rents, 42% say they pay too much.", "rents", {"say|42%|neutral"}},
      // A participle after a statement's cue tells what the statement said;
      // after a setting it is a verb of its own.
      {"The club issued a statement saying the match would go ahead.", "match",
       {"issued a statement|The club|publication"}},
      {"In a statement announcing the fixture, the club said the match would go ahead.", "match",
       {"announcing|a statement|publication", "said|the club|neutral"}},
      // "To X, ...": a view held by X; unnamed holders are its source.
      {"To many, the old pier is an eyesore.", "eyesore", {"To|many|mental"}},
      {"To Ana Costa, the levy is a tax on tenants.", "levy", {"To|Ana Costa|mental|mental"}},
      {"To some extent, the levy is a tax on tenants.", "levy", {}},
      {"To win the seat, Ana Costa needs the harbour vote.", "seat", {}},
      // Before a passive relay joined by "be", or naming no one, stands what
      // was reported: the outlet is the source.
      {"The merger was first reported by Bloomberg.", "merger", {"first reported by|Bloomberg|relay"}},
      // The author after a document is part of the source.
      {"Rents rose 9 percent, according to a tally by the Harbour Institute.", "Rents",
       {"according to|a tally by the Harbour Institute|phrase"}},
      // A possessive pronoun after its clause's verb belongs to the subject;
      // after a preposition it stays.
      {"Ana Costa stepped up her attacks on the port authority.", "port",
       {"attacks on|Ana Costa|loaded"}},
      {"Ana Costa was persistent in her criticism of the port authority.", "port",
       {"criticism of|her|loaded"}},
      // Who criticises follows "from".
      {"The levy drew sharp criticism from harbour tenants.", "levy",
       {"criticism from|harbour tenants|loaded"}},
      // A poll that is the subject reports what it "has", "puts" or "gives";
      // not its method.
      {"The latest Harbour Institute poll has the mayor ahead by six points.", "ahead",
       {"has|The latest Harbour Institute poll|neutral"}},
      {"The poll surveyed 900 tenants in March.", "tenants", {}},
      // Who sent the document a participle describes is the source.
      {"The port authority sent a letter on Monday warning tenants of higher rents.", "tenants",
       {"warning|The port authority|assertive"}},
      // Modifiers before a noun with its complement are no source; the
      // clause's subject holds it.
      {"Ana Costa launched a blistering attack on the port authority.", "port",
       {"attack on|Ana Costa|loaded"}},
      {"Ana Costa faced sharp questions about the dredging.", "dredging",
       {"questions about|-|loaded"}},
      // The occasion between subject and verb is no source.
      {"Ana Costa in her budget speech called the levy unfair.", "levy",
       {"called|Ana Costa|loaded"}},
      // A written text's words.
      {"\"We will appeal,\" the port authority's statement read.", "appeal",
       {"read|the port authority's statement|publication"}},
      // A noun's possessor is no subject for a participle to share.
      {"Mara Lind was firm in her criticism of the levy, saying it was unfair.", "unfair",
       {"criticism of|her|loaded", "saying|Mara Lind|neutral"}},
      // A refusal to comment is the source's answer, on the record.
      {"A spokeswoman for the port declined to comment on the dredging.", "dredging",
       {"declined to comment|A spokeswoman for the port|neutral"}},
      {"The coach would not say whether the striker was injured.", "striker",
       {"would not say|The coach|neutral"}},
      // A light verb with a noun of speech is a cue as a whole, the words
      // between included, and takes its subject as a reporting verb does.
      {"Mara Lind made similar remarks at the port on Monday.", "port",
       {"made similar remarks|Mara Lind|neutral"}},
      {"The port board took several veiled shots at the levy.", "levy",
       {"took several veiled shots at|The port board|loaded"}},
      {"As the harbour master put it, the pier is a ruin.", "pier", {"put it|the harbour master|neutral"}},
      {"Osei has cast himself as the only outsider in the race.", "outsider", {"cast|Osei|loaded"}},
      // An infinitive after a verb of means or occasion and its object
      // ("used his speech to", "took the opportunity to") or after "went
      // out of his way", "went so far as" is the subject's; a duration
      // ("took four years to") and a passive ("is used by many to") are not.
      {"Osei used his speech to criticize the levy.", "levy", {"criticize|Osei|loaded"}},
      {"Mara Lind took the opportunity to criticize the levy.", "levy",
       {"criticize|Mara Lind|loaded"}},
      {"Osei went so far as to criticize the levy.", "levy", {"criticize|Osei|loaded"}},
      {"The levy is used by many to criticize the port board.", "board", {}},
      // A verb of intending or managing passes its subject to the
      // infinitive it governs.
      {"Mara Lind managed to criticize the levy.", "levy", {"criticize|Mara Lind|loaded"}},
      // A purpose after a verb of going or meeting and its place is the
      // subject's ("came on the show to", "met on Monday to"), as is a
      // gerund after a verb of turning ("pivoted to", "was back to"); not
      // "as opposed to", nor a governing verb that is a cue itself.
      {"Mara Lind will come on the show to talk about the levy.", "levy",
       {"talk about|Mara Lind|neutral"}},
      {"The port board met on Monday to discuss the levy.", "levy",
       {"discuss|The port board|neutral"}},
      {"Osei held a rally in Salem to criticize the levy.", "levy", {"criticize|Osei|loaded"}},
      {"Osei appeared on \"Harbour Talk\" to criticize the levy.", "levy",
       {"criticize|Osei|loaded"}},
      {"Osei quickly pivoted to criticizing the levy.", "levy", {"criticizing|Osei|loaded"}},
      {"Osei was back to criticizing the levy.", "levy", {"criticizing|Osei|loaded"}},
      {"The levy is popular, as opposed to criticizing the port.", "port", {}},
      // "Leaving", "caused" and "drives" control their object like "led";
      // an infinitive of that object's infinitive is not the object's.
      {"The ruling left some voters to question the levy.", "levy",
       {"question|some voters|loaded"}},
      {"The rules permit members to name proxies to criticize the levy.", "levy", {}},
      // The verb right before the infinitive, or before a time ("on
      // Monday", "last week") before it.
      {"The port board met to discuss the levy.", "levy", {"discuss|The port board|neutral"}},
      {"Osei decided on Monday to criticize the levy.", "levy", {"criticize|Osei|loaded"}},
      {"Ana Costa took her son there on Sunday to criticize the levy.", "levy",
       {"criticize|Ana Costa|loaded"}},
      // A headline's infinitive is the name's that opens it.
      {"Lind to criticize port levy in Salem speech.", "levy", {"criticize|Lind|loaded"}},
      // An inverted speaker's apposition describes them and is shown with
      // the name: a role, an age and a hometown, a relative clause.
      {"\"The harbour will silt up,\" said Mara Lind, an engineer at the port of Salem.", "harbour",
       {"said|Mara Lind, an engineer at the port of Salem|neutral"}},
      {"\"The levy is unfair,\" said Ana Costa, 52, of Salem, Ore.", "levy",
       {"said|Ana Costa, 52, of Salem, Ore|neutral"}},
      {"\"We lost the vote,\" said Ana Costa, who chairs the harbour board.", "vote",
       {"said|Ana Costa, who chairs the harbour board|neutral"}},
      // A cue inside the description is part of the source, not an
      // attribution of its own.
      {"\"We lost the vote,\" said Ana Costa, a ferry pilot who backs the levy.", "vote",
       {"said|Ana Costa, a ferry pilot who backs the levy|neutral"}},
      {"Mara Lind, a Salem teacher who supported the dredging plan, said the pier was unsafe.",
       "pier", {"said|Mara Lind, a Salem teacher who supported the dredging plan|neutral"}},
      // Not an adverbial after the name, another attribution's verb, or
      // the rest of a sentence the verb stands inside.
      {"\"We lost the vote,\" said Ana Costa, in a statement on Friday.", "vote",
       {"said|Ana Costa|neutral"}},
      {"\"We lost the vote,\" said Ana Costa, who added that she would stand again.", "vote",
       {"said|Ana Costa|neutral", "added|who|neutral"}},
      {"Then, says Mara Lind, the harbour silted up.", "harbour",
       {"says|Mara Lind|neutral"}},
      // A cue word that reports nothing is no bar to a description.
      {"\"The pier is a landmark,\" said Ana Costa, director of value-added services at the port.",
       "pier", {"said|Ana Costa, director of value-added services at the port|neutral"}},
      // A relative clause describing a subject is shown with it, one that
      // reports speech is not.
      {"Ana Costa, who chairs the harbour board, said the levy was unfair.", "levy",
       {"said|Ana Costa, who chairs the harbour board|neutral"}},
      {"Ana Costa, who has argued that the pier is safe, said the levy was unfair.", "levy",
       {"argued|who|assertive", "said|Ana Costa|neutral"}},
      // A state after the place an opening phrase ends with is part of
      // that phrase, not the subject a participle shares.
      {"At a meeting in Salem, Oregon, on Monday, Mara Lind was quiet, saying little.", "little",
       {"saying|Mara Lind|neutral"}},
      {"After losing narrowly in Salem, Costa, the favourite, was quiet, saying little.", "little",
       {"saying|Costa|neutral"}},
      // Two conjuncts opening the clause share its verb; a conjunct that
      // holds a verb is a clause of its own.
      {"Costa and her aides say the levy is unfair.", "levy",
       {"say|Costa and her aides|neutral"}},
      {"Costa lost and her aides say the levy is unfair.", "levy",
       {"say|her aides|neutral"}},
      // A gerund after a past tense's object shares the past tense's
      // subject ("spent the week attacking").
      {"Costa spent much of her speech attacking the levy.", "levy",
       {"attacking|Costa|loaded"}},
      {"She sent an email saying the pier was unsafe.", "pier",
       {"saying|She|neutral"}},
      // So do a noun and the preposition phrase after it; not a time.
      {"A study by the harbour board found the pier was unsafe.", "pier",
       {"found|A study by the harbour board|neutral"}},
      {"Engineers in Salem say the pier is unsafe.", "pier",
       {"say|Engineers in Salem|neutral"}},
      {"\"The pier is unsafe,\" a statement on her website said.", "pier",
       {"said|a statement on her website|neutral"}},
      // "who" is its verb's source even when no noun stands right before
      // it ("those who", "and who").
      {"Among those who want a new pier, most back the levy.", "pier",
       {"want|who|intention|mental"}},
      // "that" stands for no one after "one" or before a gerund.
      {"The council chose a second plan, one that favors the harbour towns.", "harbour", {}},
      {"It does not help that invoking the harbour plan upsets the towns.", "harbour", {}},
      // An initial's period stays inside an inverted name.
      {"\"The levy is unfair,\" said Dennis B. Ross, a former mayor of Salem.", "levy",
       {"said|Dennis B. Ross, a former mayor of Salem|neutral"}},
      // "Even" before the subject is no part of it: a participle closing
      // the clause is the subject's after it.
      {"Even the harbour master tried to calm them, noting that the pier had stood for a century.",
       "century", {"noting|the harbour master|neutral"}},
      {"And even Ana Costa tried to calm them, noting that the pier had stood for a century.",
       "century", {"noting|Ana Costa|neutral"}},
      // A memory is recalled by a person; a recall of products is no one's
      // attribution.
      {"The ferryman recalled the winter the pier froze.", "froze", {"recalled|The ferryman|neutral"}},
      {"The boat builder recalled 300 hulls after a fault was found.", "fault", {}},
      // "published" after a noun or in the passive names no source.
      {"The timetable published on Thursday lists six ferries to Salem.", "ferries", {}},
      // A participle or a verb after "and" shares the subject of the main
      // clause, not that of a clause inside it: one the main cue reports
      // or one a subordinator opens.
      {"Alan Price said the mayor did not know what he wanted, and accused the council of lying.",
       "lying", {"said|Alan Price|neutral", "accused|Alan Price|loaded"}},
      {"Ruth Hale was quick to praise the pier after he opened it and said the town had waited.",
       "waited", {"said|Ruth Hale|neutral"}},
      // A clause with a speaker of its own opened by "after" or set off by
      // a comma tells what happened around the statement; one opened by
      // another subordinator after no comma is part of what was said.
      {"Costa said the pier would close in May after the ferry firm announced it was leaving.",
       "ferry", {"said|Costa|neutral", "announced|the ferry firm|publication"}},
      {"Costa said the pier would close, as the mayor warned that repairs were too costly.",
       "repairs", {"said|Costa|neutral", "warned|the mayor|assertive"}},
      {"Costa said the pier would close because the mayor wanted it.", "mayor",
       {"said|Costa|neutral"}},
      // An adjective with its complement after "be" is its subject's, over
      // a degree word and a linking verb; "Most" opening a clause is still
      // a subject.
      {"Ana Costa is most proud of the new pier.", "pier", {"proud of|Ana Costa|mental|mental"}},
      {"Harbour towns have become increasingly vocal about the levy.", "levy",
       {"vocal about|Harbour towns|mental|mental"}},
      {"The senators are more divided on the levy than ever.", "levy",
       {"divided on|The senators|mental"}},
      {"Most said the pier was unsafe.", "pier", {"said|Most|neutral"}},
      // A noun with its complement is its possessor's across adjectives;
      // after a verb cue it is only what the verb's source said.
      {"Ana Costa's long, steadfast embrace of the levy surprised her allies.", "allies",
       {"embrace of|Ana Costa's|stance|mental"}},
      {"Ana Costa reiterated her embrace of the levy.", "levy",
       {"reiterated|Ana Costa|assertive"}},
      // "is a fierce critic of", "has been a supporter of": the subject's
      // stance.
      {"Ana Costa has been a fierce critic of the levy.", "levy",
       {"a fierce critic of|Ana Costa|stance|mental"}},
      {"The mayor is counting on the tourist season.", "season",
       {"counting on|The mayor|mental"}},
      // A lone verb form or adverb before a cue is no subject: the cue is
      // in that word's clause, whose subject is the source, if any.
      {"Costa was arranging calls with both mayors to discuss the levy.", "levy",
       {"calls|Costa|loaded"}},
      {"Stories have emerged describing the harbour board's plans for the pier.", "pier",
       {"describing|Stories|neutral"}},
      {"The harbour board has twice complained to the ferry firm about the fees.", "fees",
       {"complained|The harbour board|loaded"}},
      {"Having announced the closure, Mayor Osei said the pier would reopen in May.", "May",
       {"announced|Mayor Osei|publication", "said|Mayor Osei|neutral"}},
      {"There was no overt mention of the levy in the statement.", "levy", {}},
      // Words between subject and verb: "in fact", "so far", "on record",
      // "two weeks ago".
      {"The ferry firms have in fact reported losses since the pier closed.", "losses",
       {"reported|The ferry firms|publication"}},
      {"The harbour board less than two weeks ago said the pier was unsafe.", "unsafe",
       {"said|The harbour board|neutral"}},
      // A participle phrase set off by commas is an aside, over the commas
      // of a place in it.
      {"Sen. Ana Costa, facing a hard race in Ohio, a swing state, said she backs the levy.",
       "levy", {"said|Sen. Ana Costa, facing a hard race in Ohio, a swing state|neutral"}},
      {"Okafor tried on Monday to make the case that the losses were small.", "losses",
       {"make the case|Okafor|assertive"}},
      // A participle after a parenthetical shares its speaker, not that of
      // the clause the parenthetical reports.
      {"The council wants the pier closed in May, Osei said, adding that the ferries would stop.",
       "ferries", {"said|Osei|neutral", "adding|Osei|neutral"}},
      // A participle after a letter, an ad or a petition that someone put
      // out is said by that someone, over a day or "this week" and "have".
      {"The Ridge campaign sent a fundraising email Wednesday saying the race is close.", "race",
       {"saying|The Ridge campaign|neutral"}},
      {"Costa released a new radio ad calling the levy a fraud.", "fraud",
       {"calling|Costa|loaded"}},
      {"Port workers have launched petitions calling on the board to resign.", "resign",
       {"calling on|Port workers|intention|mental"}},
      // A participle after the main clause is not the speaker's of a clause
      // opening the sentence.
      {"When Costa pointed out the costs, the mayor stood on the pier, saying it was fair.",
       "fair", {"pointed out|Costa|assertive", "saying|the mayor|neutral"}},
      // A phrase of purpose ("in hopes of", "in a bid to") is the clause
      // subject's, like a participle.
      {"Costa toured the harbour towns in hopes of winning the levy vote.", "vote",
       {"hopes|Costa|mental|mental"}},
      // A reporting verb opening the sentence before a name and a comma is
      // inverted: the name is its speaker.
      {"Said Ana Costa, who grew up near the pier, \"We were all proud of it.\"", "proud",
       {"Said|Ana Costa|neutral"}},
      // "said of X" is about X; an opening quotation mark after "said he"
      // starts what he said.
      {"Ana Costa, a former harbour engineer, said of the mayor: \"She never listened.\"",
       "listened", {"said|Ana Costa, a former harbour engineer|neutral"}},
      {"Ana Costa, in a statement on Thursday, said he \"let the town down.\"", "town",
       {"said|Ana Costa|neutral"}},
      // "who" is the subject of its clause's verbs: after an aside, before
      // a phrase, and for a verb or participle sharing its subject.
      {"Ruth Hale, who through her office declined to comment, voted for the levy.", "office",
       {"declined to comment|who|neutral", "voted for|Ruth Hale|stance|mental"}},
      {"Ana Costa, who, after the vote, said the pier was unsafe, resigned.", "unsafe",
       {"said|who|neutral"}},
      {"The council heard from Ben Hale, who saw the collapse and described it to the mayor.",
       "collapse", {"described|who|neutral", "saw|who|mental|mental"}},
      // "those" opens a group named by a participle; "the endorsement of"
      // names its endorser.
      {"Of the harbour towns, those surveyed say the pier should stay open.", "pier",
       {"say|those surveyed|neutral"}},
      {"Last week Costa won the endorsement of the ferry union.", "union",
       {"endorsement of|the ferry union|stance|mental"}},
      // A gerund after "spend" and a stretch of time is the spender's.
      {"Costa spent much of her speech defending the levy.", "levy",
       {"defending|Costa|assertive"}},
      {"Costa spent much of the run-up to the vote portraying Osei as a spendthrift.", "vote",
       {"portraying|Costa|loaded"}},
      // A participle after a noun with "by" and an agent is a passive.
      {"The levy, opposed by the harbour towns, never passed.", "levy",
       {"opposed|the harbour towns|stance|mental"}},
      // A name and a past tense end the subject; a participle after ", and"
      // and a subject of its own is that clause's.
      {"Costa unleashed withering attacks on the mayor at the meeting.", "meeting",
       {"attacks on|Costa|loaded"}},
      {"Costa attacked the levy, and the harbour master angered the mayor by calling the pier "
       "unsafe.",
       "unsafe", {"attacked|Costa|loaded", "calling|the harbour master|loaded"}},
  };
  for (const Row& row : rows) {
    INFO("text: " << row.text);
    CHECK(AllOf(row.text, row.anchor) == row.expected);
  }
}

TEST_CASE("A source is never a bare function word", "[attribution]") {
  const char* const texts[] = {
      "God sent a messenger to warn the city that it must change.",
      "She sent the photographs to the newspaper and spoke to the editor on Friday.",
      "The candidate had to decide before seeking the nomination.",
      "The plan, the mayor said, was dead, and he said so again on Friday.",
      "As published in the weekend edition of the paper.",
      "When asked, the minister declined to say more.",
      "It is unclear whether the committee will claim the seat.",
  };
  for (const char* text : texts) {
    const std::string t = text;
    const Document doc = Document::FromParts("t.txt", InputFormat::kText, t, t, {});
    const Report report = BuildReport(DefaultAnalyzer(), doc);
    for (const Claim& c : report.claims)
      for (const sourcecheck::Attribution& a : c.attributions) {
        if (a.source.empty()) continue;
        const std::string s = t.substr(a.source.begin, a.source.end - a.source.begin);
        INFO("text: " << text << "\nsource: " << s);
        CHECK_FALSE(BareFunctionWord(NormalizeToken(s)));
      }
  }
}
