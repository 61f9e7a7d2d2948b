#pragma once

#include "format/studyoutput.h"
#include "library/studyfilter.h"
#include "matrix/matrixexport.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview::cli {

enum class Command { Help, Version, List, Show, Search, RulesCheck, Classify, Profile, Flag, Agreement, Review, Matrix, Team };

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
    qint64 change = 0;  ///< review undo|redo CHANGE
    QString user;       ///< team grant USER ROLE (the role goes to `role`)
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
