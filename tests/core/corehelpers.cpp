#include "corehelpers.h"

#include "format/studyjson.h"
#include "io/studyfile.h"
#include "model/vocabulary.h"
#include "store/seeder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

void PrintTo(const QStringList &list, std::ostream *os)
{
    *os << '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            *os << ", ";
        PrintTo(list.at(i), os);
    }
    *os << ']';
}

void PrintTo(const QBitArray &bits, std::ostream *os)
{
    // Set rows, then the count: "{3, 17, 40} (3 of 10000)".
    *os << '{';
    int shown = 0;
    for (int i = 0; i < bits.size() && shown < 20; ++i) {
        if (bits.testBit(i))
            *os << (shown++ ? ", " : "") << i;
    }
    *os << (bits.count(true) > shown ? ", …" : "") << "} (" << bits.count(true) << " of " << bits.size() << ')';
}

namespace mgreview {

void PrintTo(const Study &study, std::ostream *os)
{
    *os << QJsonDocument(studyToJson(study)).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace mgreview

namespace mgreview::testing {

QVector<Study> projectStudies(QStringList *errors)
{
    QVector<Study> out;
    for (const LoadedStudy &loaded : readStudyFolder(projectStudiesFolder(), Vocabularies::builtin(), errors))
        out.append(loaded.study);
    return out;
}

std::optional<Study> projectStudy(const QString &id, QString *error)
{
    const QString path = projectStudiesFolder() + u'/' + id + QStringLiteral(".toml");
    StudyFileResult result = readStudyFile(path, Vocabularies::builtin());
    if (!result.study)
        *error = result.errors.join(u'\n');
    return result.study;
}

Study fullStudy(const QString &id)
{
    Study s;
    s.id = id;
    s.citation.text = QStringLiteral("Doe J, Roe R. A \"quoted\" title\\with a backslash. J Test. 2001;1(2):3-4.");
    s.citation.authors = { QStringLiteral("Doe J"), QStringLiteral("Roe R"), QStringLiteral("Dugré N") };
    s.citation.title = QStringLiteral("A \"quoted\" title\\with a backslash");
    s.citation.journal = QStringLiteral("J Test");
    s.citation.year = 2001;
    s.citation.yearNote = QStringLiteral("2001 (registered 1999)");
    s.citation.volume = QStringLiteral("1");
    s.citation.issue = QStringLiteral("2");
    s.citation.pages = QStringLiteral("3-4");
    s.ids = { QStringLiteral("10.1000/xyz.123"), QStringLiteral("12345678"), QStringLiteral("PMC1234567"),
        QStringLiteral("NCT00000001") };
    s.design = QStringLiteral("rct_crossover");
    s.designText = QStringLiteral("RCT, crossover");
    s.populations = { QStringLiteral("older_adults"), QStringLiteral("pregnant_women") };
    s.populationText = QStringLiteral("adults ≥ 65 years\tand pregnant women");
    s.crampTypes = { QStringLiteral("nocturnal_idiopathic") };
    s.crampTypeText = { QStringLiteral("nocturnal leg cramps"), QStringLiteral("rest cramps") };
    s.intervention = { QStringLiteral("Mg citrate 300 mg/day"), QStringLiteral("magnesium"), QStringLiteral("citrate"),
        QStringLiteral("oral"), QStringLiteral("300 mg/day"), QStringLiteral("6 weeks"), QStringLiteral("placebo") };
    s.sampleSize = 46;
    s.sampleText = QStringLiteral("46 randomised\n40 completed");
    s.abstract = QStringLiteral("BACKGROUND: Cramps are common.\nCONCLUSIONS: Magnesium helped.");
    s.keywords = { QStringLiteral("Magnesium"), QStringLiteral("Muscle Cramp/drug therapy") };
    s.publicationTypes = { QStringLiteral("Randomized Controlled Trial"), QStringLiteral("Journal Article") };
    s.direction = QStringLiteral("benefit");
    s.certainty = QStringLiteral("low");
    s.effects.append({ QStringLiteral("cramps per week"), QStringLiteral("MD"), -9.59, -23.14, 3.97,
        QStringLiteral("%"), QStringLiteral("moderate"), QStringLiteral("MD −9.59% (95% CI …)") });
    s.effects.append(
        { QStringLiteral("responders"), QStringLiteral("RR"), 0.1 + 0.2, 1e-7, 3.0, {}, QStringLiteral("high"), {} });
    s.effects.append({ QStringLiteral("no numbers"), {}, std::nullopt, std::nullopt, std::nullopt, {}, {},
        QStringLiteral("not pooled") });
    s.conclusions.append({ QStringLiteral("Magnesium was not effective for pregnancy‐associated cramps; see “trial”."),
        QStringLiteral("abstract"), QStringLiteral("PubMed abstract"), QStringLiteral("note\r\nwith CRLF") });
    s.conclusions.append({ QStringLiteral("Second conclusion with a control char \x01 and DEL \x7f."),
        QStringLiteral("full_text"), QStringLiteral("p. 4"), {} });
    s.claims.append({ QStringLiteral("research_brief"), QStringLiteral("conclusion"),
        QStringLiteral("The brief's words."), QStringLiteral("a note") });
    s.claims.append(
        { QStringLiteral("consumer_article"), QStringLiteral("summary"), QStringLiteral("The article's words."), {} });
    s.funding.statement = QStringLiteral("Funded by the Ministry.");
    s.funding.coiStatement = QStringLiteral("None declared.");
    s.funding.notes = QStringLiteral("Product supplied by Example GmbH.");
    s.funding.funders.append(
        { QStringLiteral("Ministry of Health"), QStringLiteral("government"), QStringLiteral("full text p. 5") });
    s.funding.funders.append({ QStringLiteral("Example GmbH"), QStringLiteral("supplement_industry"), {} });
    s.independence = { QStringLiteral("industry-linked"), QStringLiteral("product-supplied"),
        QStringLiteral("manufacturer supplied product and placebo"), ClassificationSource::Curated };
    s.openAccess = QStringLiteral("free on PMC");
    s.sources = { QStringLiteral("https://pubmed.ncbi.nlm.nih.gov/12345678/"),
        QStringLiteral("https://example.org/a (secondary copy)") };
    s.extraFacts.append({ QStringLiteral("Search date"), QStringLiteral("9 September 2019") });
    s.notVerified.insert(QStringLiteral("funding"), QStringLiteral("declarations not retrieved"));
    s.notVerified.insert(QStringLiteral("odd key-with.dots"), QStringLiteral("unverified"));
    return s;
}

::testing::AssertionResult sameStudy(const Study &expected, const Study &actual)
{
    if (expected == actual)
        return ::testing::AssertionSuccess();
    const QJsonObject a = studyToJson(expected);
    const QJsonObject b = studyToJson(actual);
    ::testing::AssertionResult failure = ::testing::AssertionFailure();
    failure << "studies '" << expected.id.toStdString() << "' and '" << actual.id.toStdString() << "' differ";
    bool named = false;
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        if (a.value(key) == b.value(key))
            continue;
        named = true;
        const auto text = [](const QJsonValue &v) {
            return QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact).toStdString();
        };
        failure << "\n  " << key.toStdString() << ": expected " << text(a.value(key)) << "\n  "
                << std::string(key.size(), ' ') << "  actual   " << text(b.value(key));
    }
    if (!named)
        failure << " in a field the JSON form does not carry";
    return failure;
}

int seedProjectStudies(const Database &database, QStringList *errors)
{
    const SeedReport report = seedLibrary(database, projectStudiesFolder(), Vocabularies::builtin());
    errors->append(report.errors);
    return report.ok ? report.added : -1;
}

QByteArray readFileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFileBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace mgreview::testing
