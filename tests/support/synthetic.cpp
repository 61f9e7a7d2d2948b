#include "support/synthetic.h"

#include "support/syntheticphrases.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/studystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <span>

namespace mgreview::testing {

namespace {

using namespace synthetic;

/// splitmix64: tiny, fast, and good enough to make varied records; std:: engines and
/// distributions are not guaranteed to give the same numbers on every standard library.
class Rng
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    int below(int n) { return int(next() % quint64(n)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(int percent) { return below(100) < percent; }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    template<typename T, size_t N>
    const T &pick(const T (&items)[N]) { return items[size_t(below(int(N)))]; }
    /// Picks by weight from {value, weight} pairs.
    const char *weighted(std::span<const Weighted> items)
    {
        int total = 0;
        for (const Weighted &item : items)
            total += item.weight;
        int roll = below(total);
        for (const Weighted &item : items) {
            if (roll < item.weight)
                return item.value;
            roll -= item.weight;
        }
        return items[0].value;
    }

private:
    quint64 m_state;
};

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString pickStr(Rng &rng, std::span<const char *const> items)
{
    return str(items[size_t(rng.below(int(items.size())))]);
}

QString author(Rng &rng)
{
    QString initials;
    const int count = rng.chance(60) ? 2 : 1;
    for (int i = 0; i < count; ++i)
        initials += QChar(u'A' + rng.below(26));
    return pickStr(rng, kSurnames) + u' ' + initials;
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString titleFor(Rng &rng, const Scenario &scenario, const QString &design, const QString &salt)
{
    const QString cramp = pickStr(rng, scenario.crampPhrases);
    const QString population = pickStr(rng, scenario.populationPhrases);
    const QString designPhrase = str(designPhraseFor(design));
    switch (rng.below(6)) {
    case 0: return QStringLiteral("Magnesium %1 for %2 in %3: %4").arg(salt, cramp, population, designPhrase);
    case 1: return QStringLiteral("Effect of oral magnesium on %1 in %2").arg(pickStr(rng, kOutcomes), population);
    case 2:
        return capitalised(QStringLiteral("%1 magnesium supplementation and %2: %3")
                               .arg(pickStr(rng, kAdjectives), cramp, designPhrase));
    case 3: return QStringLiteral("Serum magnesium and %1 among %2").arg(cramp, population);
    case 4: return QStringLiteral("Does magnesium relieve %1? %2").arg(cramp, capitalised(designPhrase));
    default:
        return QStringLiteral("Magnesium versus placebo for %1 in %2: %3").arg(cramp, population, designPhrase);
    }
}

/// About 40 words in the style of an abstract's conclusion, consistent with the direction.
QString conclusionFor(Rng &rng, const Scenario &scenario, const QString &direction, const QString &salt)
{
    QString opening;
    const QString cramp = pickStr(rng, scenario.crampPhrases);
    const QString population = pickStr(rng, scenario.populationPhrases);
    if (direction == u"benefit")
        opening = pickStr(rng, kBenefitOpenings);
    else if (direction == u"no_benefit")
        opening = pickStr(rng, kNoBenefitOpenings);
    else if (direction == u"conflicting")
        opening = pickStr(rng, kConflictingOpenings);
    else if (direction == u"inconclusive")
        opening = pickStr(rng, kInconclusiveOpenings);
    else
        opening = pickStr(rng, kOffTopicOpenings);
    opening.replace(QStringLiteral("{salt}"), salt)
        .replace(QStringLiteral("{cramp}"), cramp)
        .replace(QStringLiteral("{population}"), population);
    return opening + u' ' + pickStr(rng, kMiddles) + u' ' + pickStr(rng, kClosings);
}

void addFunding(Rng &rng, Study &s, qint64 index)
{
    const int roll = rng.below(100);
    const QString number = QString::number(index);
    if (roll < 45) {
        const QString funder = pickStr(rng, kPublicFunders);
        s.funding.statement = QStringLiteral("This study was funded by the %1 (grant SYN-%2). The funder had no role "
                                             "in the design, conduct or reporting of the study.")
                                  .arg(funder, number);
        s.funding.coiStatement = QStringLiteral("The authors declare no competing interests.");
        s.funding.funders.append({funder, QStringLiteral("government"), QStringLiteral("funding statement")});
        s.independence = {QStringLiteral("independent"), QString(),
                          QStringLiteral("Public funder named in the funding statement; no manufacturer role; "
                                         "authors declare no competing interests."),
                          rng.chance(70) ? ClassificationSource::Rule : ClassificationSource::Curated};
    } else if (roll < 65) {
        const QString company = pickStr(rng, kCompanies);
        const Weighted links[] = {{"funded", 4}, {"product-supplied", 4}, {"author-paid", 2}, {"company-run", 1}};
        const QString link = str(rng.weighted(links));
        s.funding.statement = link == u"product-supplied"
            ? QStringLiteral("Magnesium and placebo tablets were supplied free of charge by %1.").arg(company)
            : QStringLiteral("This trial was sponsored by %1.").arg(company);
        s.funding.coiStatement = link == u"author-paid"
            ? QStringLiteral("One author has received consulting fees from %1.").arg(company)
            : QStringLiteral("None declared.");
        s.funding.funders.append({company, QStringLiteral("supplement_industry"), QStringLiteral("funding statement")});
        s.independence = {QStringLiteral("industry-linked"), link,
                          QStringLiteral("Funding statement names %1, a supplement manufacturer.").arg(company),
                          rng.chance(70) ? ClassificationSource::Rule : ClassificationSource::Reviewer};
    } else if (roll < 85) {
        // Nothing is known: say so instead of guessing.
        s.notVerified.insert(QString::fromLatin1(Field::Funding),
                             QStringLiteral("synthetic record: funding statement not retrieved"));
        s.independence = {QStringLiteral("unclear"), QString(),
                          QStringLiteral("No funding statement reported in the abstract."),
                          ClassificationSource::Rule};
    }
    // else: not classified yet (the store shows it as unclear, "not classified yet").
}

/// A structured abstract of about 200 words. It has its own random stream, so adding
/// abstracts leaves every other field of the study unchanged.
QString abstractFor(quint64 seed, qint64 index, const Study &s, const Scenario &scenario)
{
    Rng rng(seed ^ (quint64(index) * 0x9E6C63D0676A9A99ull) ^ 0xA5A5A5A5ull);
    rng.next();
    const auto fill = [&](QString text) {
        const double difference = std::round((rng.uniform() * 3.0 - 2.0) * 10.0) / 10.0;
        return text.replace(QStringLiteral("{cramp}"), pickStr(rng, scenario.crampPhrases))
            .replace(QStringLiteral("{population}"), pickStr(rng, scenario.populationPhrases))
            .replace(QStringLiteral("{a}"), QString::number(rng.between(2, 60)))
            .replace(QStringLiteral("{b}"), QString::number(rng.between(2, 60)))
            .replace(QStringLiteral("{d}"), QString::number(difference))
            .replace(QStringLiteral("{lo}"), QString::number(difference - 0.1 * rng.between(3, 15)))
            .replace(QStringLiteral("{hi}"), QString::number(difference + 0.1 * rng.between(3, 15)))
            .replace(QStringLiteral("{p}"), QString::number(rng.between(1, 99)));
    };
    const bool positive = s.direction == u"benefit";
    QStringList parts;
    parts << QStringLiteral("BACKGROUND:") << fill(pickStr(rng, kBackgrounds));
    parts << QStringLiteral("OBJECTIVE: To assess whether magnesium %1 reduces %2 in %3.")
                 .arg(s.intervention.salt, pickStr(rng, scenario.crampPhrases), pickStr(rng, scenario.populationPhrases));
    parts << QStringLiteral("METHODS: We conducted %1 in %2 %3 recruited from %4 between %5 and %6.")
                 .arg(str(designPhraseFor(s.design)))
                 .arg(s.sampleSize.value_or(0))
                 .arg(pickStr(rng, scenario.populationPhrases), pickStr(rng, kSettings))
                 .arg(s.citation.year - rng.between(3, 6))
                 .arg(s.citation.year - rng.between(1, 2));
    parts << QStringLiteral("Participants received %1 or %2 for %3. The primary outcome was %4.")
                 .arg(s.intervention.dose, s.intervention.comparator, s.intervention.duration, pickStr(rng, kOutcomes));
    parts << QStringLiteral("RESULTS:") << fill(pickStr(rng, positive ? kBenefitResults : kNullResults))
          << fill(pickStr(rng, kAdverse)) << fill(pickStr(rng, kMiddles));
    parts << QStringLiteral("CONCLUSIONS:") << s.conclusions.constFirst().text;
    return parts.join(u' ');
}

} // namespace

Study syntheticStudy(qint64 index, const SyntheticProfile &profile)
{
    const quint64 seed = profile.seed;
    Rng rng(seed ^ (quint64(index) * 0xD1B54A32D192ED03ull));
    rng.next();
    Study s;
    const QString number = QString::number(index);
    s.id = QStringLiteral("synthetic-%1").arg(index, 6, 10, QLatin1Char('0'));

    const Scenario &primary = rng.pick(kScenarios);
    s.populations.append(str(primary.population));
    s.crampTypes.append(str(primary.crampType));
    if (rng.chance(20)) {
        const Scenario &second = rng.pick(kScenarios);
        if (!s.populations.contains(str(second.population)))
            s.populations.append(str(second.population));
        if (!s.crampTypes.contains(str(second.crampType)))
            s.crampTypes.append(str(second.crampType));
    }
    s.populationText = pickStr(rng, primary.populationPhrases);
    s.crampTypeText = {pickStr(rng, primary.crampPhrases)};

    s.design = str(rng.weighted(kDesigns));
    s.designText = capitalised(str(designPhraseFor(s.design)).section(u' ', 1));
    s.direction = str(rng.weighted(kDirections));
    s.certainty = pickStr(rng, kCertainties);

    const QString salt = pickStr(rng, kSalts);
    const int authorCount = rng.chance(10) ? rng.between(7, 12) : rng.between(1, 6);
    for (int i = 0; i < authorCount; ++i)
        s.citation.authors.append(author(rng));
    s.citation.authors.removeDuplicates();
    s.citation.title = titleFor(rng, primary, s.design, salt);
    s.citation.journal = pickStr(rng, kJournals);
    s.citation.year = rng.between(1975, 2024);
    s.citation.volume = QString::number(rng.between(1, 80));
    s.citation.issue = QString::number(rng.between(1, 12));
    const int firstPage = rng.between(1, 1800);
    s.citation.pages = QStringLiteral("%1-%2").arg(firstPage).arg(firstPage + rng.between(3, 14));
    s.citation.text = QStringLiteral("%1. %2. %3. %4;%5(%6):%7.")
                          .arg(s.citation.authors.join(QStringLiteral(", ")), s.citation.title, s.citation.journal)
                          .arg(s.citation.year)
                          .arg(s.citation.volume, s.citation.issue, s.citation.pages);

    s.ids.doi = QStringLiteral("10.5555/synthetic.") + number;
    s.notVerified.insert(QString::fromLatin1(Field::Pmid), QStringLiteral("synthetic record: no PMID"));

    s.intervention.agent = QStringLiteral("magnesium");
    s.intervention.salt = salt;
    s.intervention.route = rng.chance(85) ? QStringLiteral("oral") : QStringLiteral("intravenous");
    s.intervention.dose = QStringLiteral("%1 mg elemental magnesium daily").arg(50 * rng.between(2, 12));
    s.intervention.duration = QStringLiteral("%1 weeks").arg(rng.between(1, 12));
    s.intervention.comparator = rng.chance(80) ? QStringLiteral("placebo") : QStringLiteral("no treatment");
    s.intervention.text = QStringLiteral("%1 magnesium %2, %3, for %4, versus %5")
                              .arg(s.intervention.route, salt, s.intervention.dose, s.intervention.duration,
                                   s.intervention.comparator);

    // Log-uniform sample sizes: many small trials, a few large ones.
    const int n = int(std::lround(std::exp(std::log(10.0) + rng.uniform() * (std::log(3000.0) - std::log(10.0)))));
    s.sampleSize = n;
    s.sampleText = QStringLiteral("%1 participants randomised").arg(n);

    const int conclusions = rng.chance(30) ? 2 : 1;
    for (int i = 0; i < conclusions; ++i) {
        Conclusion c;
        c.text = conclusionFor(rng, primary, s.direction, salt);
        c.source = i == 0 ? QStringLiteral("abstract") : QStringLiteral("full_text");
        c.where = i == 0 ? QStringLiteral("abstract") : QStringLiteral("full text p. %1").arg(rng.between(2, 14));
        s.conclusions.append(c);
    }

    const int effects = rng.below(3);
    for (int i = 0; i < effects; ++i) {
        EffectEstimate e;
        e.outcome = pickStr(rng, kOutcomes);
        e.measure = QStringLiteral("MD");
        const double value = std::round((rng.uniform() * 4.0 - 2.5) * 100.0) / 100.0;
        const double half = std::round((0.2 + rng.uniform() * 1.5) * 100.0) / 100.0;
        e.value = value;
        e.ciLow = value - half;
        e.ciHigh = value + half;
        e.unit = QStringLiteral("cramps per week");
        e.certainty = s.certainty;
        e.text = QStringLiteral("MD %1 (95%% CI %2 to %3)").arg(value).arg(value - half).arg(value + half);
        s.effects.append(e);
    }

    addFunding(rng, s, index);
    s.openAccess = rng.chance(40) ? QStringLiteral("synthetic: open access") : QString();
    s.sources = {QStringLiteral("https://doi.org/10.5555/synthetic.") + number};
    if (profile.text == SyntheticText::WithAbstracts)
        s.abstract = abstractFor(seed, index, s, primary);
    return s;
}

QVector<Study> syntheticStudies(qint64 first, qint64 count, const SyntheticProfile &profile)
{
    QVector<Study> studies;
    studies.reserve(count);
    for (qint64 i = 0; i < count; ++i)
        studies.append(syntheticStudy(first + i, profile));
    return studies;
}

bool writeSyntheticLibrary(const Database &database, qint64 count, const SyntheticWriteOptions &options,
                           QString *error)
{
    StudyStore store(database);
    const int batch = std::max(1, options.batchSize);
    for (qint64 done = 0; done < count;) {
        const qint64 n = std::min<qint64>(batch, count - done);
        if (!store.insertMany(syntheticStudies(options.first + done, n, options.profile), error))
            return false;
        done += n;
        if (options.progress && !options.progress(done)) {
            *error = QStringLiteral("cancelled after %1 studies").arg(done);
            return false;
        }
    }
    return true;
}

QString syntheticLibraryPath(const QString &cacheFolder, qint64 count, const SyntheticProfile &profile)
{
    // The schema version is part of the key too: a cached file migrated on first open
    // would put the migration's cost into the first measurement.
    return QDir(cacheFolder).filePath(QStringLiteral("synthetic-%1%2-g%3-v%4-s%5.sqlite")
                                          .arg(count)
                                          .arg(profile.text == SyntheticText::WithAbstracts ? QStringLiteral("-abstracts") : QString())
                                          .arg(kSyntheticGeneratorVersion)
                                          .arg(Migrations::latestVersion())
                                          .arg(profile.seed));
}

QString cachedSyntheticLibrary(const QString &cacheFolder, qint64 count, const SyntheticWriteOptions &options,
                               QString *error)
{
    const QString path = syntheticLibraryPath(cacheFolder, count, options.profile);
    if (QFileInfo::exists(path))
        return path;
    if (!QDir().mkpath(cacheFolder)) {
        *error = QStringLiteral("%1: cannot create the folder").arg(cacheFolder);
        return {};
    }
    const QString partial = path + QStringLiteral(".partial-%1").arg(QCoreApplication::applicationPid());
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(partial + suffix);
    {
        LibraryLocation location;
        location.sqlitePath = partial;
        std::unique_ptr<Database> database = Database::open(location, error);
        if (!database)
            return {};
        if (!writeSyntheticLibrary(*database, count, options, error)) {
            database.reset();
            QFile::remove(partial);
            return {};
        }
    } // Closing the last connection checkpoints the WAL into the file.
    if (!QFile::rename(partial, path)) {
        // Another process may have finished the same library first; theirs is as good.
        QFile::remove(partial);
        if (!QFileInfo::exists(path)) {
            *error = QStringLiteral("%1: cannot move the generated library into place").arg(path);
            return {};
        }
    }
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(partial + suffix);
    return path;
}

} // namespace mgreview::testing
