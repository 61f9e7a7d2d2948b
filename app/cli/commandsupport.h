#pragma once

#include "commands.h"

#include "library/studysummary.h"
#include "pdf/pdfextraction.h"
#include "rules/rule.h"

#include <QJsonObject>

#include <QVector>

namespace mgreview::cli {

/// Prints "mgreview-cli: message" on standard error; returns `status`.
int report(const CommandContext &context, const QString &message, int status = ExitFailure);
/// The output JSON of a study with rule suggestions filling what nobody coded, the
/// reviewers' decision (when given) before the curated independence, and "classified_by"
/// naming the source of each classified attribute.
QJsonObject studyToClassifiedJson(const Study &study, const QVector<Suggestion> &suggestions,
                                  const std::optional<Independence> &reviewer = std::nullopt);
/// Prints study rows in the requested format (JSON reads the full records).
int printStudies(const CommandContext &context, const QVector<StudySummary> &studies);
/// How library commands read PDFs: each in a child process of this program (pdf-text) with
/// --timeout per PDF, so a hostile file fails alone instead of hanging or ending the command.
PdfExtractionOptions childProcessExtraction(const Arguments &arguments);

} // namespace mgreview::cli
