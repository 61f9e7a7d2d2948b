#include "format/studyoutput.h"

#include "format/studyjson.h"
#include "model/independence.h"
#include "model/vocabulary.h"
#include "models/studydetailmodel.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mgreview {

namespace {

// Values of the study with the effective independence: outputs never show an empty one.
Study withEffectiveIndependence(const Study &study)
{
    Study copy = study;
    copy.independence = effectiveIndependence(study);
    return copy;
}

QString padded(const QString &text, int width)
{
    return text.leftJustified(width, u' ');
}

// Continuation lines of a multi-line value line up under its first line.
QString indentLines(const QString &text, int indent)
{
    QString out = text;
    out.replace(u'\n', u'\n' + QString(indent, u' '));
    return out;
}

QString quoted(const QString &text)
{
    return QChar(0x201C) + text + QChar(0x201D);
}

// --- The single-study record ---------------------------------------------------------------

constexpr int kMaxLabelWidth = 24;
constexpr int kBlockIndent = 6;

// One entry of the conclusion pane's model, read through its public roles.
struct PaneEntry {
    StudyDetailModel::EntryKind kind = StudyDetailModel::Text;
    QString label;
    QString value;
    QString reason; ///< Non-empty: not verified, and why.
    QString source;
    QString note;
    QUrl url;
};

PaneEntry paneEntry(const StudyDetailModel &model, const QModelIndex &section, int row)
{
    const QModelIndex label = model.index(row, StudyDetailModel::LabelColumn, section);
    PaneEntry e;
    e.kind = StudyDetailModel::EntryKind(label.data(StudyDetailModel::KindRole).toInt());
    e.label = label.data().toString();
    e.value = model.index(row, StudyDetailModel::ValueColumn, section).data().toString();
    e.reason = label.data(StudyDetailModel::NotVerifiedReasonRole).toString();
    e.source = label.data(StudyDetailModel::SourceRole).toString();
    e.note = label.data(StudyDetailModel::NoteRole).toString();
    e.url = label.data(StudyDetailModel::UrlRole).toUrl();
    // A rule's matched text, in its context, so the reason can be checked by eye.
    const QString match = label.data(StudyDetailModel::MatchTextRole).toString();
    if (!match.isEmpty()) {
        const QString where = QStringLiteral("matched in %1: %2\u00ab%3\u00bb%4")
                                  .arg(label.data(StudyDetailModel::MatchFieldRole).toString(),
                                       label.data(StudyDetailModel::MatchBeforeRole).toString(), match,
                                       label.data(StudyDetailModel::MatchAfterRole).toString());
        e.note = e.note.isEmpty() ? where : e.note + QStringLiteral("; ") + where;
    }
    return e;
}

bool isBlock(StudyDetailModel::EntryKind kind)
{
    return kind == StudyDetailModel::Conclusion || kind == StudyDetailModel::Claim || kind == StudyDetailModel::Effect;
}

// Conclusions, claims and effects: quotes are long, so they get lines of their own.
QString blockText(const PaneEntry &e, int number)
{
    const QString indent(kBlockIndent, u' ');
    const auto line = [&](const QString &text) -> QString { return indent + indentLines(text, kBlockIndent) + u'\n'; };
    QString out = QStringLiteral("  [%1] ").arg(number).leftJustified(kBlockIndent, u' ');
    if (e.kind == StudyDetailModel::Conclusion) {
        out += indentLines(quoted(e.value), kBlockIndent) + u'\n';
        out += line(QStringLiteral("Source: ") + e.source);
    } else if (e.kind == StudyDetailModel::Claim) {
        out += e.label + (e.source.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.source)) + QStringLiteral(":\n");
        out += line(quoted(e.value));
    } else {
        out += e.label + u'\n';
        out += line(e.value.isEmpty() ? QStringLiteral("not reported") : e.value);
    }
    if (!e.note.isEmpty())
        out += line((e.kind == StudyDetailModel::Effect ? QStringLiteral("As reported: ") : QStringLiteral("Note: ")) + e.note);
    if (!e.reason.isEmpty())
        out += line(QStringLiteral("Not verified: ") + e.reason);
    return out;
}

// Other entries: label and value side by side, details below the value.
QString fieldText(const PaneEntry &e, int labelWidth)
{
    QString value = e.value;
    if (e.kind == StudyDetailModel::Warning) {
        // The value already says "not verified" or "not reported"; add why.
        if (!e.reason.isEmpty() && e.reason != value)
            value += QStringLiteral(" (%1)").arg(e.reason);
    } else if (!e.reason.isEmpty()) {
        value = value.isEmpty() ? QStringLiteral("not verified (%1)").arg(e.reason)
                                : value + QStringLiteral(" [not verified: %1]").arg(e.reason);
    } else if (value.isEmpty()) {
        value = QStringLiteral("not reported");
    }
    if (e.kind == StudyDetailModel::Link && e.url.isValid() && !value.startsWith(e.url.toString()))
        value += QStringLiteral("  <%1>").arg(e.url.toString());

    if (e.label.isEmpty())
        return QStringLiteral("  - ") + indentLines(value, 4) + u'\n';
    const int indent = 2 + labelWidth + 2;
    const QString pad(indent, u' ');
    // Labels too long for the column get a line of their own.
    QString out = e.label.size() > kMaxLabelWidth
                      ? QString(QStringLiteral("  ") + e.label + u'\n' + pad)
                      : QString(QStringLiteral("  ") + padded(e.label, labelWidth) + QStringLiteral("  "));
    out += indentLines(value, indent) + u'\n';
    const bool classification = e.kind == StudyDetailModel::Classification;
    if (!e.source.isEmpty())
        out += pad + QStringLiteral("Source: ") + indentLines(e.source, indent) + u'\n';
    if (!e.note.isEmpty())
        out += pad + (classification ? QStringLiteral("Reason: ") : QStringLiteral("Note: ")) + indentLines(e.note, indent)
               + u'\n';
    return out;
}

} // namespace

QString toString(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Json: return QStringLiteral("json");
    case OutputFormat::Csv: return QStringLiteral("csv");
    case OutputFormat::Table: break;
    }
    return QStringLiteral("table");
}

std::optional<OutputFormat> outputFormatFromString(const QString &text)
{
    for (const OutputFormat f : {OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv}) {
        if (toString(f) == text)
            return f;
    }
    return std::nullopt;
}

StudySummary summarize(const Study &s)
{
    const Independence independence = effectiveIndependence(s);
    StudySummary row;
    row.id = s.id;
    row.firstAuthor = s.firstAuthor();
    row.authors = s.citation.authors.join(QStringLiteral("; "));
    row.year = s.citation.year;
    row.title = s.citation.title.isEmpty() ? s.citation.text : s.citation.title;
    row.journal = s.citation.journal;
    row.doi = s.ids.doi;
    row.pmid = s.ids.pmid;
    row.design = s.design;
    row.populations = s.populations;
    row.crampTypes = s.crampTypes;
    row.direction = s.direction;
    row.independence = independence.value;
    row.independenceLink = independence.link;
    row.independenceSource = toString(independence.source);
    row.independenceReason = independence.reason;
    return row;
}

QJsonObject studyToOutputJson(const Study &study)
{
    return studyToJson(withEffectiveIndependence(study));
}

QByteArray studiesToJsonText(const QVector<Study> &studies)
{
    QJsonArray array;
    for (const Study &study : studies)
        array.append(studyToOutputJson(study));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray studyToJsonText(const Study &study)
{
    return QJsonDocument(studyToOutputJson(study)).toJson(QJsonDocument::Indented);
}

QString csvField(const QString &field)
{
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
                             || field.contains(u'\r');
    if (!needsQuotes)
        return field;
    QString escaped = field;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QStringList studyCsvColumns()
{
    return {QStringLiteral("id"),          QStringLiteral("first_author"),
            QStringLiteral("year"),        QStringLiteral("title"),
            QStringLiteral("design"),      QStringLiteral("populations"),
            QStringLiteral("cramp_types"), QStringLiteral("direction"),
            QStringLiteral("independence"), QStringLiteral("independence_source"),
            QStringLiteral("doi"),         QStringLiteral("pmid")};
}

QString studiesToCsv(const QVector<StudySummary> &studies)
{
    const QString crlf = QStringLiteral("\r\n");
    QString out = studyCsvColumns().join(u',') + crlf;
    for (const StudySummary &s : studies) {
        const QStringList fields{s.id,
                                 s.firstAuthor,
                                 s.year > 0 ? QString::number(s.year) : QString(),
                                 s.title,
                                 s.design,
                                 s.populations.join(u';'),
                                 s.crampTypes.join(u';'),
                                 s.direction,
                                 s.independence,
                                 s.independenceSource,
                                 s.doi,
                                 s.pmid};
        QStringList quotedFields;
        quotedFields.reserve(fields.size());
        for (const QString &field : fields)
            quotedFields.append(csvField(field));
        out += quotedFields.join(u',') + crlf;
    }
    return out;
}

QString truncateText(const QString &text, int width)
{
    // Line breaks would tear a table row apart.
    QString flat = text;
    flat.replace(u'\n', u' ').replace(u'\r', u' ');
    if (width <= 0)
        return {};
    if (flat.size() <= width)
        return flat;
    return flat.left(width - 1).trimmed() + QChar(0x2026);
}

QString studiesToTable(const QVector<StudySummary> &studies, const Vocabularies &v, int lineWidth)
{
    if (studies.isEmpty())
        return QStringLiteral("No studies.\n");

    const QStringList header{QStringLiteral("ID"),     QStringLiteral("FIRST AUTHOR"), QStringLiteral("YEAR"),
                             QStringLiteral("DESIGN"), QStringLiteral("DIRECTION"),    QStringLiteral("INDEPENDENCE"),
                             QStringLiteral("TITLE")};
    QVector<QStringList> rows;
    rows.reserve(studies.size());
    for (const StudySummary &s : studies) {
        rows.append({s.id, s.firstAuthor, s.year > 0 ? QString::number(s.year) : QString(),
                     s.design.isEmpty() ? QString() : v.design.shortLabel(s.design),
                     s.direction.isEmpty() ? QStringLiteral("not coded") : v.direction.shortLabel(s.direction),
                     s.independence, s.title});
    }

    const qsizetype fixedColumns = header.size() - 1;
    QVector<int> widths(header.size(), 0);
    for (qsizetype c = 0; c < header.size(); ++c)
        widths[c] = int(header.at(c).size());
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype c = 0; c < fixedColumns; ++c)
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    }
    const QString gap = QStringLiteral("  ");
    int used = 0;
    for (qsizetype c = 0; c < fixedColumns; ++c)
        used += widths[c] + int(gap.size());
    // Titles get what is left of the line, but never so little that they become useless.
    constexpr int kMinTitleWidth = 30;
    const int titleWidth = std::max(kMinTitleWidth, lineWidth - used);

    const auto line = [&](const QStringList &cells, bool truncateTitle) -> QString {
        QString out;
        for (qsizetype c = 0; c < fixedColumns; ++c)
            out += padded(truncateText(cells.at(c), widths[c]), widths[c]) + gap;
        out += truncateTitle ? truncateText(cells.last(), titleWidth) : cells.last();
        return out + u'\n';
    };
    QString out = line(header, false);
    for (const QStringList &row : std::as_const(rows))
        out += line(row, true);
    out += studies.size() == 1 ? QStringLiteral("1 study\n") : QStringLiteral("%1 studies\n").arg(studies.size());
    return out;
}

QString studyToText(const Study &study, const Vocabularies &vocabularies, const QVector<Suggestion> &suggestions)
{
    // The pane's model decides what is shown and how unverified facts are marked, so the
    // command line and the window can never disagree about a study.
    StudyDetailModel model(vocabularies);
    model.setStudy(study, suggestions);

    QString out = study.id + u'\n';
    for (int sectionRow = 0; sectionRow < model.rowCount(); ++sectionRow) {
        const QModelIndex section = model.index(sectionRow, 0);
        out += u'\n' + section.data().toString() + u'\n';
        QVector<PaneEntry> entries;
        for (int row = 0; row < model.rowCount(section); ++row)
            entries.append(paneEntry(model, section, row));

        int labelWidth = 0;
        for (const PaneEntry &entry : std::as_const(entries)) {
            if (entry.label.size() <= kMaxLabelWidth)
                labelWidth = std::max(labelWidth, int(entry.label.size()));
        }
        int blockNumber = 0;
        for (const PaneEntry &entry : std::as_const(entries))
            out += isBlock(entry.kind) ? blockText(entry, ++blockNumber) : fieldText(entry, labelWidth);
    }
    return out;
}

} // namespace mgreview
