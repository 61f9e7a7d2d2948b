#pragma once

#include "library/studysummary.h"
#include "model/study.h"
#include "rules/rule.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mgreview {

struct Vocabularies;

/// The output formats of study lists and single studies (command line, exports).
enum class OutputFormat { Table, Json, Csv };

/// "table", "json", "csv" (the command-line words).
QString toString(OutputFormat format);
/// Parses the command-line words; nullopt for anything else.
std::optional<OutputFormat> outputFormatFromString(const QString &text);

/// The list row of a study, projected as the store projects it (title falls back to the
/// citation text, independence is the effective one). The key stays 0.
StudySummary summarize(const Study &study);

// --- JSON -------------------------------------------------------------------------------

/// studyToJson() with the effective independence (model/independence.h), so that
/// `independence` always holds a valid value, source and reason. Unverified fields stay
/// empty strings and are named in `not_verified`.
QJsonObject studyToOutputJson(const Study &study);
/// An indented JSON array of studyToOutputJson() objects, UTF-8, ending with a newline.
QByteArray studiesToJsonText(const QVector<Study> &studies);
/// One indented studyToOutputJson() object, UTF-8, ending with a newline.
QByteArray studyToJsonText(const Study &study);

// --- CSV (RFC 4180) ---------------------------------------------------------------------

/// One field, quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
QString csvField(const QString &field);
/// The header: id, first_author, year, title, design, populations, cramp_types, direction,
/// independence, independence_source, doi, pmid.
QStringList studyCsvColumns();
/// Header row plus one row per study, each ending in CRLF. Coded columns hold vocabulary
/// ids (populations and cramp types joined by ';'); year is empty when unknown; title is
/// StudySummary::title (the citation as given when the title is not known).
QString studiesToCsv(const QVector<StudySummary> &studies);

// --- Table (for people) -----------------------------------------------------------------

/// `text` cut to at most `width` characters, ending in "…" when it was cut.
QString truncateText(const QString &text, int width);
/// Aligned columns (id, first author, year, design, direction, independence, title), with
/// titles truncated so that lines stay within `lineWidth` where possible (a title keeps at
/// least 30 characters), and a count line. The title column is StudySummary::title: the
/// citation as given when the title itself is not known.
QString studiesToTable(const QVector<StudySummary> &studies, const Vocabularies &vocabularies,
                       int lineWidth = 120);
/// A readable multi-line record of one study: the same sections and entries as the
/// conclusion pane (models/studydetailmodel.h), with "not verified" / "not reported" marks,
/// each verbatim conclusion with its source, and what secondary sources claim.
QString studyToText(const Study &study, const Vocabularies &vocabularies,
                    const QVector<Suggestion> &suggestions = {});

} // namespace mgreview
