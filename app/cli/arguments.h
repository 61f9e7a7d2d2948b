#pragma once

#include "format/studyoutput.h"
#include "library/studyfilter.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mgreview::cli {

enum class Command { Help, Version, List, Show, Search, RulesCheck, Classify };

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
