#pragma once

#include "arguments.h"

#include <QTextStream>

namespace mgreview {
class Database;
}

namespace mgreview::cli {

/// Exit statuses: scripts rely on them.
enum ExitStatus { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2, ExitPartial = 3 /* import: read with errors */ };

/// What a command works with. Data goes to `out`, messages to `err`.
struct CommandContext {
    const Arguments &arguments;
    const Database &database;
    QTextStream &out;
    QTextStream &err;
    int lineWidth = 120; ///< For table output.
};

int runList(const CommandContext &context);
int runShow(const CommandContext &context);
int runSearch(const CommandContext &context);
int runClassify(const CommandContext &context);
// Review (docs/review.md): people, funding flags, agreement, conflicts and exports.
int runProfile(const CommandContext &context);
int runFlag(const CommandContext &context);
int runAgreement(const CommandContext &context);
int runReview(const CommandContext &context);
/// The evidence matrix (population × cramp type) as a table or an export file.
int runMatrix(const CommandContext &context);
/// Imports bibliography files (or only reports what an import would do: --dry-run).
int runImport(const CommandContext &context);
/// The review list of probable duplicates: list, merges, merge, keep, undo-merge.
int runDuplicates(const CommandContext &context);
/// Team mode on PostgreSQL: database roles (docs/team-mode.md).
int runTeam(const CommandContext &context);
/// Studies as RIS, BibTeX, CSV, JSON or a studies/ folder (docs/formats/export.md).
int runExport(const CommandContext &context);
// Annotations (docs/annotations.md): highlight, tag and note conclusions; list, export, import.
int runAnnotate(const CommandContext &context);
int runAnnotations(const CommandContext &context);
// PDFs (docs/pdfs.md).
int runAttach(const CommandContext &context);
int runDetach(const CommandContext &context);
int runAttachments(const CommandContext &context);
int runLinkPdfs(const CommandContext &context);
int runVerifyQuotes(const CommandContext &context);
int runIndexPdfs(const CommandContext &context);
int runPdfSearch(const CommandContext &context);
/// Need no library: a PDF's text per page, or a robustness check (open, text, page 1 rendered).
int runPdfText(const Arguments &arguments, QTextStream &out, QTextStream &err);
int runPdfCheck(const Arguments &arguments, QTextStream &out, QTextStream &err);
/// Needs no library: checks a rules file and prints its errors.
int runRulesCheck(const Arguments &arguments, QTextStream &out, QTextStream &err);

} // namespace mgreview::cli
