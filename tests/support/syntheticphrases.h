#pragma once

// Word lists for the synthetic study generator (synthetic.cpp). Realistic enough that
// searches behave as on real libraries: common words ("magnesium", "cramps", "placebo")
// hit most studies, surnames hit a few percent, nonsense hits nothing. Some surnames are
// non-ASCII on purpose, so the search folding path for accents is exercised too.

#include <QLatin1StringView>
#include <QString>

#include <span>

namespace mgreview::testing::synthetic {

struct Weighted {
    const char *value;
    int weight;
};

inline constexpr const char *kSurnames[] = {
    "Garrison", "Korownyk", "Kolber", "Allan", "Musini", "Sekhon", "Dugré", "Roffe", "Sills", "Crome",
    "Jones", "Frusso", "Zárate", "Dahle", "Berge", "Hammar", "Nygaard", "Valbø", "Supakatisant", "Phupong",
    "Araújo", "Barna", "Cohen-Hagai", "Bilbey", "Miller", "Smith", "Johnson", "Williams", "Brown", "Taylor",
    "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Thompson", "White", "Hughes",
    "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Clark",
    "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker",
    "Harrison", "Morgan", "Patel", "Young", "Allen", "Mitchell", "James", "Anderson", "Phillips", "Lee",
    "Bell", "Parker", "Davis", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
    "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz",
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    "Dubois", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Leroy", "Roux", "David", "Bertrand",
    "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos",
    "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen",
    "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
    "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk",
    "Novák", "Svoboda", "Dvořák", "Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Papadopoulos", "Georgiou",
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Cohen", "Levi", "Mizrahi", "Khan", "Ahmed",
    "Ali", "Hussain", "Rahman", "Hosseini", "Mohammadi", "Rezaei", "Karimi", "Sharma", "Singh", "Kumar",
    "Gupta", "Reddy", "Nair", "Iyer", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang",
    "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo",
    "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
    "Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Nguyen", "Tran",
    "Pham", "Le", "Hoang", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Carvalho",
    "Almeida", "Ribeiro", "Okafor", "Adeyemi", "Mensah", "Boateng", "Mwangi", "Otieno", "Dlamini", "Naidoo",
    "O'Brien", "Murphy", "Kelly", "Byrne", "Ryan", "Walsh", "McCarthy", "Fitzgerald", "MacDonald", "Campbell",
};

inline constexpr const char *kJournals[] = {
    "Cochrane Database Syst Rev", "BMJ", "Lancet", "JAMA Intern Med", "Am J Obstet Gynecol",
    "BJOG", "Eur J Obstet Gynecol Reprod Biol", "Acta Obstet Gynecol Scand", "J Matern Fetal Neonatal Med",
    "Nephrol Dial Transplant", "Hemodial Int", "Clin J Sport Med", "Br J Sports Med", "J Int Soc Sports Nutr",
    "Muscle Nerve", "Amyotroph Lateral Scler Frontotemporal Degener", "Hepatology", "J Hepatol",
    "Fam Pract", "Br J Gen Pract", "Magnes Res", "Nutrients", "Am J Clin Nutr", "Eur J Clin Nutr",
    "PLoS One", "Sports Health", "Arch Intern Med", "J Clin Pharm Ther", "Trials", "Syst Rev",
};

inline constexpr const char *kSalts[] = {
    "citrate", "oxide", "sulfate", "lactate", "bisglycinate", "chloride", "aspartate", "lactate/citrate",
};

inline constexpr const char *kAdjectives[] = {
    "oral", "intravenous", "high-dose", "low-dose", "daily", "short-term", "long-term", "prophylactic",
};

inline constexpr const char *kOutcomes[] = {
    "cramp frequency per week", "cramp intensity on a visual analogue scale", "cramp duration",
    "sleep quality", "number of nights with cramps", "serum magnesium concentration",
    "time to first cramp", "quality of life", "muscle soreness after exercise", "intradialytic cramp episodes",
};

inline constexpr const char *kCertainties[] = {"high", "moderate", "low", "very_low", "not_graded", "not_graded"};

inline constexpr Weighted kDesigns[] = {
    {"cochrane_review", 4}, {"systematic_review", 10}, {"rct", 35}, {"rct_crossover", 10},
    {"non_randomised", 15}, {"case_reports", 8},       {"narrative_review", 12}, {"secondary", 6},
};

inline constexpr Weighted kDirections[] = {
    {"benefit", 30}, {"no_benefit", 30}, {"conflicting", 10}, {"inconclusive", 25}, {"not_about_intervention", 5},
};

/// "a …" phrase per design id; the generator also derives the design text from it.
inline const char *designPhraseFor(const QString &design)
{
    static constexpr struct {
        const char *id, *phrase;
    } phrases[] = {
        {"cochrane_review", "a Cochrane systematic review and meta-analysis"},
        {"systematic_review", "a systematic review of randomised trials"},
        {"rct", "a randomised, double-blind, placebo-controlled trial"},
        {"rct_crossover", "a randomised, placebo-controlled crossover trial"},
        {"non_randomised", "a prospective observational cohort study"},
        {"case_reports", "a case series"},
        {"narrative_review", "a narrative review"},
        {"secondary", "a consumer health summary"},
    };
    for (const auto &p : phrases) {
        if (design == QLatin1StringView(p.id))
            return p.phrase;
    }
    return "a study";
}

inline constexpr const char *kNocturnal[] = {
    "nocturnal leg cramps", "night-time leg cramps", "rest cramps", "idiopathic muscle cramps",
    "night cramps of the calf",
};
inline constexpr const char *kPregnancyCramps[] = {
    "pregnancy-associated leg cramps", "leg cramps in pregnancy", "gestational calf cramps",
};
inline constexpr const char *kExercise[] = {
    "exercise-associated muscle cramps", "muscle cramps after endurance exercise", "cramps during prolonged exercise",
};
inline constexpr const char *kDisease[] = {
    "intradialytic muscle cramps", "cramps in liver cirrhosis", "muscle cramps in motor neurone disease",
};
inline constexpr const char *kDoms[] = {"delayed-onset muscle soreness", "post-exercise muscle soreness"};
inline constexpr const char *kDeficiency[] = {"hypomagnesaemic cramps", "cramps with low serum magnesium"};

inline constexpr const char *kOlder[] = {"older adults", "elderly outpatients", "community-dwelling older people"};
inline constexpr const char *kAdults[] = {"adults", "ambulatory adults", "primary care patients"};
inline constexpr const char *kPregnant[] = {"pregnant women", "women in the second trimester of pregnancy"};
inline constexpr const char *kDialysis[] = {"haemodialysis patients", "patients on maintenance hemodialysis"};
inline constexpr const char *kCirrhosis[] = {"patients with liver cirrhosis", "outpatients with cirrhosis"};
inline constexpr const char *kAthletes[] = {"marathon runners", "trained cyclists", "physically active adults"};
inline constexpr const char *kAls[] = {"people with ALS", "patients with motor neurone disease"};
inline constexpr const char *kChildren[] = {"children", "adolescents"};

/// A population and cramp type that go together, with the words used for them.
struct Scenario {
    const char *population;
    const char *crampType;
    std::span<const char *const> populationPhrases;
    std::span<const char *const> crampPhrases;
};

inline constexpr Scenario kScenarios[] = {
    {"older_adults", "nocturnal_idiopathic", kOlder, kNocturnal},
    {"older_adults", "nocturnal_idiopathic", kOlder, kNocturnal},
    {"general_adults", "nocturnal_idiopathic", kAdults, kNocturnal},
    {"pregnant_women", "pregnancy", kPregnant, kPregnancyCramps},
    {"pregnant_women", "pregnancy", kPregnant, kPregnancyCramps},
    {"hemodialysis", "disease_state", kDialysis, kDisease},
    {"cirrhosis", "disease_state", kCirrhosis, kDisease},
    {"athletes", "exercise_associated", kAthletes, kExercise},
    {"athletes", "doms", kAthletes, kDoms},
    {"als_mnd", "disease_state", kAls, kDisease},
    {"children", "nocturnal_idiopathic", kChildren, kNocturnal},
    {"general_adults", "mg_deficiency", kAdults, kDeficiency},
};

// Funders and companies are invented: a synthetic record must never state a fact about a
// real organisation.
inline constexpr const char *kPublicFunders[] = {
    "Northland Health Research Council", "Fjordvik University Hospital Fund", "Riverside Medical Research Foundation",
    "Eastmarch Institute for Nutrition Research", "Westria Public Trials Agency", "Lakeshore Primary Care Network",
};

inline constexpr const char *kCompanies[] = {
    "Examplemag Supplements Ltd", "Fictonutri Inc", "Placeholder Minerals GmbH", "Imaginary Health Products plc",
    "Sample Nutraceuticals AG",
};

// Conclusion sentences by direction. {salt}, {cramp} and {population} are filled in.
inline constexpr const char *kBenefitOpenings[] = {
    "Magnesium {salt} reduced the frequency of {cramp} compared with placebo in {population}.",
    "In {population}, oral magnesium {salt} was associated with fewer {cramp} than placebo over the treatment period.",
    "Our findings suggest that magnesium supplementation relieves {cramp} in {population}.",
};
inline constexpr const char *kNoBenefitOpenings[] = {
    "It is unlikely that magnesium supplementation provides clinically meaningful prophylaxis for {cramp} in {population}.",
    "Magnesium {salt} did not reduce the frequency or severity of {cramp} compared with placebo in {population}.",
    "We found no difference between magnesium and placebo for {cramp} in {population}.",
};
inline constexpr const char *kConflictingOpenings[] = {
    "Trials of magnesium for {cramp} in {population} report conflicting results.",
    "Some included studies found that magnesium reduced {cramp} in {population}, while others found no effect.",
};
inline constexpr const char *kInconclusiveOpenings[] = {
    "The evidence on magnesium for {cramp} in {population} is inconclusive.",
    "Whether magnesium {salt} prevents {cramp} in {population} remains uncertain.",
    "The small number of participants does not allow firm conclusions about magnesium for {cramp} in {population}.",
};
inline constexpr const char *kOffTopicOpenings[] = {
    "This study describes the natural history of {cramp} in {population} and did not test magnesium.",
    "Serum magnesium concentrations were not related to the occurrence of {cramp} in {population}.",
};
inline constexpr const char *kMiddles[] = {
    "The certainty of the evidence was low because of small samples and short follow-up.",
    "Adverse events, mainly diarrhoea, were more common with magnesium than with placebo.",
    "Results were consistent across the prespecified subgroups.",
    "Adherence to the study tablets was high in both groups.",
    "Cramp frequency fell in both arms, which suggests a large placebo response.",
    "Differences in dose, salt and duration between trials limit comparison.",
};
inline constexpr const char *kClosings[] = {
    "Larger trials with longer follow-up are needed before routine use can be recommended.",
    "Clinicians should weigh these findings against the side effects and cost of supplements.",
    "Further research should report funding sources and use validated cramp diaries.",
    "These results do not support routine magnesium supplementation for this indication.",
    "Patients may reasonably try magnesium while other causes of cramps are investigated.",
};

// Structured abstracts (SyntheticText::WithAbstracts). Numbers are filled in per study.
inline constexpr const char *kBackgrounds[] = {
    "Muscle cramps are common, painful and disturb sleep, and magnesium is widely used to prevent them.",
    "Magnesium supplements are often recommended for {cramp}, but evidence from controlled trials is limited.",
    "Low magnesium intake has been proposed as a cause of {cramp} in {population}.",
    "Many {population} report {cramp}, and over-the-counter magnesium products are marketed for this use.",
};
inline constexpr const char *kSettings[] = {
    "general practices", "outpatient clinics", "a university hospital", "antenatal clinics",
    "dialysis units", "sports clubs", "community pharmacies", "nursing homes",
};
inline constexpr const char *kBenefitResults[] = {
    "Cramp frequency fell by {a} episodes per week with magnesium and by {b} with the comparator (mean difference "
    "{d}, 95% CI {lo} to {hi}; p = 0.0{p}).",
    "The proportion of participants free of cramps at the end of treatment was {a}% with magnesium and {b}% with "
    "the comparator (risk ratio 1.{p}, 95% CI 1.0{lo} to 1.{hi}).",
};
inline constexpr const char *kNullResults[] = {
    "Cramp frequency changed by {a} episodes per week with magnesium and by {b} with the comparator (mean difference "
    "{d}, 95% CI {lo} to {hi}; p = 0.{p}).",
    "There was no significant difference in cramp intensity between groups (mean difference {d} points on a "
    "10-point scale, 95% CI {lo} to {hi}).",
};
inline constexpr const char *kAdverse[] = {
    "Diarrhoea was reported by {a}% of participants taking magnesium and {b}% taking the comparator.",
    "No serious adverse events occurred; {a} participants withdrew because of gastrointestinal symptoms.",
    "Serum magnesium rose by 0.0{p} mmol/L in the magnesium group and was unchanged in the comparator group.",
};

} // namespace mgreview::testing::synthetic
