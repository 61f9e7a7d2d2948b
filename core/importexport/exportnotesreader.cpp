#include "importexport/exportnotesreader.h"

#include "model/vocabulary.h"

#include <QRegularExpression>

namespace mgreview {

namespace {

bool takeLabelled(const QString &line, QLatin1StringView label, QString *field)
{
    if (!line.startsWith(label))
        return false;
    if (field->isEmpty())
        *field = line.mid(label.size());
    return true;
}

// "Acme (industry); NIH; Foo (Bar) (public)" -> funders. A bracket counts as the type only when
// it holds a funder type id; otherwise it is part of the name ("National Institutes (NIH)").
QVector<Funder> parseFunders(const QString &list)
{
    static const QRegularExpression typed(QStringLiteral("^(.*) \\(([a-z_]+)\\)$"));
    const Vocabulary &types = Vocabularies::builtin().funderType;
    QVector<Funder> funders;
    for (const QString &piece : list.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = typed.match(piece);
        if (m.hasMatch() && types.contains(m.captured(2)))
            funders.append({m.captured(1), m.captured(2), {}});
        else
            funders.append({piece, {}, {}});
    }
    return funders;
}

} // namespace

bool isStudyIdText(const QString &text)
{
    static const QRegularExpression id(QStringLiteral("^[a-z0-9][a-z0-9_]*$"));
    return id.match(text).hasMatch();
}

ExportNotesReading readExportNotes(const QStringList &lines, Study *study)
{
    static const QRegularExpression independence(QStringLiteral(
        "^Funding independence: ([a-z-]+)(?: \\(([a-z-]+)\\))?; source: ([a-z]+)(?:; reason: (.*))?$"));
    static const QRegularExpression conclusion(QStringLiteral("^Conclusion \\(([a-z_]*)(?:, (.*?))?\\): (.*)$"));
    static const QRegularExpression notVerified(QStringLiteral("^Not verified: ([^:]+):(?: (.*))?$"));
    ExportNotesReading reading;
    QVector<Conclusion> conclusions;
    for (const QString &line : lines) {
        if (takeLabelled(line, QLatin1StringView("Funding statement: "), &study->funding.statement)
            || takeLabelled(line, QLatin1StringView("Conflicts of interest: "), &study->funding.coiStatement)
            || takeLabelled(line, QLatin1StringView("Registration: "), &study->ids.registration))
            continue;
        if (line.startsWith(QLatin1StringView("Funders: "))) {
            if (study->funding.funders.isEmpty())
                study->funding.funders = parseFunders(line.mid(9));
            continue;
        }
        // Cheap prefix tests first: large foreign files have many N1 lines that are none of ours.
        const QRegularExpressionMatch m = line.startsWith(QLatin1StringView("Funding independence: "))
                                              ? independence.match(line)
                                          : line.startsWith(QLatin1StringView("Conclusion ("))
                                              ? conclusion.match(line)
                                          : line.startsWith(QLatin1StringView("Not verified: "))
                                              ? notVerified.match(line)
                                              : QRegularExpressionMatch();
        if (!m.hasMatch()) {
            reading.unread.append(line);
            continue;
        }
        if (m.regularExpression() == independence) {
            reading.fromExport = true;
            const QString source = m.captured(3);
            if (source == u"curated" && study->independence.value.isEmpty())
                study->independence = {m.captured(1), m.captured(2), m.captured(4), ClassificationSource::Curated};
            else if (source == u"reviewer")
                reading.unread.append(line); // the review log's, not the record's: kept as a note
            continue;
        }
        if (m.regularExpression() == conclusion) {
            conclusions.append({m.captured(3), m.captured(1), m.captured(2), {}});
        } else if (!study->notVerified.contains(m.captured(1))) {
            study->notVerified.insert(m.captured(1), m.captured(2));
        }
    }
    if (study->conclusions.isEmpty())
        study->conclusions = conclusions;
    return reading;
}

} // namespace mgreview
