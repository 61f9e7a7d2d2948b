#pragma once

#include "format/studyoutput.h"
#include "importexport/exportformat.h"
#include "library/studyfilter.h"
#include "matrix/matrixexport.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview::cli {

enum class Command {
    Help, Version, List, Show, Search, RulesCheck, Classify, Profile, Flag, Agreement, Review, Matrix,
    Export, Annotate, Annotations,
    Attach, Detach, Attachments, LinkPdfs, VerifyQuotes, IndexPdfs, PdfSearch, PdfText, PdfCheck,
    Import, Duplicates,
    Team
};

/// A parsed command line: the global options, the command and its own options.
struct Arguments {
    Command command = Command::Help;
    QString library;  ///< --library; empty: the default library.
    QString studies;  ///< --studies; empty: the installed studies/ folder.
    bool seed = true; ///< false with --no-seed.
    OutputFormat format = OutputFormat::Table;
    IndependenceFilter filter = IndependenceFilter::All;
    QString id;   ///< show ID
    QString text; ///< search TEXT (several words are joined by spaces)
    QString rulesFile; ///< rules check FILE; classify --rules FILE (added to the default rules)
    bool explain = false; ///< classify --explain
    MatrixFormat matrixFormat = MatrixFormat::Table; ///< matrix --format (output file: outputFile)
    // Review (docs/review.md): profile, flag, agreement, review.
    QString subcommand; ///< profile add|list; review conflicts|resolve|export|show|reveal|undo|redo
    QString name;       ///< profile add NAME
    QString role;       ///< profile add --role
    QString reviewer;   ///< --reviewer NAME: who flags, resolves, looks or undoes
    QString judgement;  ///< flag / review resolve --as independent|industry-linked|unclear
    QString link;       ///< --link funded|product-supplied|author-paid|company-run
    QString reason;     ///< --reason
    QString evidence;   ///< flag --evidence
    std::optional<int> page; ///< flag --page
    QString method;     ///< review resolve --method consensus|third-reviewer
    QString what;       ///< review export --what judgements|resolutions|audit
    QString outputFile; ///< review export -o FILE
    QStringList reviewers; ///< agreement --reviewers A,B
    qint64 change = 0;  ///< review undo|redo CHANGE; annotations undo|redo CHANGE
    QString user;       ///< team grant USER ROLE (the role goes to `role`)
    // Export (docs/formats/export.md): format, search text, ids, BOM; -o is outputFile.
    std::optional<ExportFormat> exportFormat; ///< export --format
    QString search;      ///< export --search TEXT
    QStringList ids;     ///< export --ids A,B
    bool byteOrderMark = false; ///< export --bom (CSV)
    // Annotations (docs/annotations.md): annotate, annotations list|export|import|edit|delete|undo|redo.
    QString quote;      ///< annotate --quote
    QString tag;        ///< --tag
    std::optional<QString> note; ///< --note (set, even to "", when given)
    QString author;     ///< --author NAME: who annotates, or whose annotations
    QString study;      ///< annotations --study ID
    std::optional<int> conclusion; ///< annotate --conclusion N
    QString annotationFormat; ///< annotations --format (list: table|json|csv; export: markdown|csv|jsonld)
    QString inputFile;  ///< annotations import FILE
    // PDFs (docs/pdfs.md): attach, detach, attachments, link-pdfs, verify-quotes, pdf-text…
    QString file;        ///< attach ID FILE, link-pdfs DIR, pdf-text FILE, pdf-check FILE
    QString label;       ///< attach --label; detach ID SHA|LABEL
    bool linkInPlace = false; ///< attach/link-pdfs --link: keep the file where it is
    bool dryRun = false; ///< link-pdfs --dry-run; import --dry-run
    QString password;    ///< pdf-text/pdf-check/index-pdfs/verify-quotes --password (never stored)
    bool passwordFromStdin = false; ///< pdf-text --password-stdin: the first line of standard input
    int timeoutSeconds = 120; ///< --timeout: give up on a PDF after this long (pdf-text, pdf-check,
                              ///< and per PDF read by index-pdfs, verify-quotes, link-pdfs)
    int maxPages = -1;   ///< pdf-text --pages N: only the first N pages
    // Import (docs/formats/import.md): import FILE… and duplicates list|merges|merge|keep|undo-merge.
    QStringList files;       ///< import FILE…
    QString importFormat;    ///< import --format ris|bibtex|medline|csv|pubmed-xml|json|studies (empty: detect)
    bool runRules = true;    ///< false with import --no-rules
    OutputFormat report = OutputFormat::Table; ///< import --report table|json
    QStringList studyIds;    ///< duplicates merge KEEP OTHER | keep A B
};

/// Either arguments, or a usage error to print (exit status 2).
struct ParseResult {
    std::optional<Arguments> arguments;
    QString error;
};

/// Parses the arguments after the program name. Options may come before or after the
/// command; `--name value` and `--name=value` both work; `--` ends the options.
ParseResult parseArguments(const QStringList &arguments);

} // namespace mgreview::cli
