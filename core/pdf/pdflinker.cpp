#include "pdf/pdflinker.h"

#include "pdf/attachmentstore.h"
#include "pdf/doifinder.h"
#include "pdf/quotenormalizer.h"
#include "store/studystore.h"

#include <QDir>
#include <QHash>
#include <QSet>

namespace mgreview {

namespace {

constexpr int kMinTitleWords = 4;

QStringList sortedUnique(const QSet<QString> &ids)
{
    QStringList out(ids.cbegin(), ids.cend());
    out.sort();
    return out;
}

} // namespace

QString toString(PdfLinkResult::Outcome outcome)
{
    switch (outcome) {
    case PdfLinkResult::Outcome::Matched: return QStringLiteral("matched");
    case PdfLinkResult::Outcome::Ambiguous: return QStringLiteral("ambiguous");
    case PdfLinkResult::Outcome::Unmatched: return QStringLiteral("unmatched");
    case PdfLinkResult::Outcome::Unreadable: break;
    }
    return QStringLiteral("unreadable");
}

PdfLinker::PdfLinker(const Database &database, const PdfExtractionOptions &options)
    : m_database(database),
      m_options(options)
{
}

std::optional<QVector<PdfLinkResult>> PdfLinker::scan(const QString &folder, QString *error,
                                                      const std::atomic_bool *cancel,
                                                      const std::function<void(int, int)> &progress)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        *error = QStringLiteral("%1: no such folder").arg(folder);
        return std::nullopt;
    }
    const std::optional<QVector<StudySummary>> studies = StudyStore(m_database).summaries(error);
    if (!studies)
        return std::nullopt;
    QHash<QString, QStringList> studiesByDoi;
    QVector<std::pair<QString, QString>> titles; // (normalised title, study id)
    for (const StudySummary &study : *studies) {
        if (!study.doi.isEmpty())
            studiesByDoi[study.doi.trimmed().toLower()].append(study.id);
        const QString title = NormalizedText::from(study.title).text;
        if (title.count(u' ') + 1 >= kMinTitleWords)
            titles.append({title, study.id});
    }
    auto studiesFor = [&](const QStringList &dois, QString *matchedDoi) {
        QSet<QString> ids;
        for (const QString &doi : dois) {
            const QStringList found = studiesByDoi.value(doi);
            if (!found.isEmpty() && matchedDoi->isEmpty())
                *matchedDoi = doi;
            for (const QString &id : found)
                ids.insert(id);
        }
        return ids;
    };

    const QStringList files = dir.entryList({QStringLiteral("*.pdf"), QStringLiteral("*.PDF")}, QDir::Files, QDir::Name);
    QVector<PdfLinkResult> results;
    for (int i = 0; i < files.size(); ++i) {
        if (cancel && cancel->load())
            break;
        PdfLinkResult result;
        result.file = dir.absoluteFilePath(files.at(i));
        // Metadata and the first two pages are all a DOI or title is looked for in.
        constexpr int kPagesRead = 2;
        const PdfTextExtraction read = extractPdfTextBounded({result.file, {}, kPagesRead, 1}, m_options, cancel);
        if (read.cancelled)
            break;
        if (!read.opened.ok()) {
            result.outcome = PdfLinkResult::Outcome::Unreadable;
            result.message = read.opened.message;
            results.append(result);
            if (progress)
                progress(i + 1, int(files.size()));
            continue;
        }
        const PdfDois dois = findPdfDois(read, kPagesRead);
        QSet<QString> ids = studiesFor(dois.metadata, &result.doi);
        result.how = QStringLiteral("DOI in metadata");
        if (ids.isEmpty()) {
            ids = studiesFor(dois.text, &result.doi);
            result.how = QStringLiteral("DOI on page %1").arg(dois.textPage);
        }
        if (ids.isEmpty()) {
            result.how = QStringLiteral("title");
            // Spaces around both sides: a title matches whole words only.
            const QString firstPage = read.pages.isEmpty() ? QString() : read.pages.constFirst().text;
            const QString where = u' ' + NormalizedText::from(read.info.value(QStringLiteral("Title"))).text
                                  + QStringLiteral("  ") + NormalizedText::from(firstPage).text + u' ';
            for (const auto &[title, id] : std::as_const(titles)) {
                if (where.contains(u' ' + title + u' '))
                    ids.insert(id);
            }
        }
        if (ids.size() == 1) {
            result.outcome = PdfLinkResult::Outcome::Matched;
            result.studyId = *ids.cbegin();
        } else if (ids.size() > 1) {
            result.outcome = PdfLinkResult::Outcome::Ambiguous;
            result.candidates = sortedUnique(ids);
            result.message = QStringLiteral("%1 studies fit (%2): not linked").arg(ids.size()).arg(result.how);
        } else {
            result.how.clear();
            result.outcome = PdfLinkResult::Outcome::Unmatched;
            result.message = dois.metadata.isEmpty() && dois.text.isEmpty()
                                 ? QStringLiteral("no DOI found and no study title matches")
                                 : QStringLiteral("its DOI (%1) is not in the library and no study title matches")
                                       .arg((dois.metadata + dois.text).constFirst());
        }
        results.append(result);
        if (progress)
            progress(i + 1, int(files.size()));
    }
    return results;
}

void PdfLinker::apply(QVector<PdfLinkResult> &results, AttachmentStorage storage)
{
    AttachmentStore store(m_database);
    for (PdfLinkResult &result : results) {
        if (result.outcome != PdfLinkResult::Outcome::Matched)
            continue;
        QString error;
        const std::optional<AttachmentStore::AttachResult> attached =
            store.attach(result.studyId, result.file, QStringLiteral("full text"), storage, &error);
        if (!attached) {
            result.message = error;
            continue;
        }
        result.attached = !attached->alreadyAttached;
        result.alreadyAttached = attached->alreadyAttached;
    }
}

} // namespace mgreview
