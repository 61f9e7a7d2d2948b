#include "arguments.h"
#include "reviewarguments.h"

#include <QVector>

namespace mgreview::cli {

namespace {

struct OptionSpec {
    QString name;
    bool takesValue = false;
    QVector<Command> commands; ///< Commands it applies to; empty: every command (global).
};

const QVector<OptionSpec> &optionSpecs()
{
    static const QVector<OptionSpec> specs{
        {QStringLiteral("library"), true, {}},
        {QStringLiteral("studies"), true, {}},
        {QStringLiteral("no-seed"), false, {}},
        {QStringLiteral("help"), false, {}},
        {QStringLiteral("version"), false, {}},
        {QStringLiteral("format"), true, {Command::List, Command::Show, Command::Search, Command::Classify,
                                          Command::Profile, Command::Agreement, Command::Review, Command::Matrix}},
        {QStringLiteral("rules"), true, {Command::Classify}},
        {QStringLiteral("explain"), false, {Command::Classify}},
        {QStringLiteral("filter"), true, {Command::List, Command::Search, Command::Matrix}},
        // Review commands (reviewarguments.cpp).
        {QStringLiteral("role"), true, {Command::Profile}},
        {QStringLiteral("reviewer"), true, {Command::Flag, Command::Review}},
        {QStringLiteral("as"), true, {Command::Flag, Command::Review}},
        {QStringLiteral("link"), true, {Command::Flag, Command::Review}},
        {QStringLiteral("reason"), true, {Command::Flag, Command::Review}},
        {QStringLiteral("evidence"), true, {Command::Flag}},
        {QStringLiteral("page"), true, {Command::Flag}},
        {QStringLiteral("method"), true, {Command::Review}},
        {QStringLiteral("what"), true, {Command::Review}},
        {QStringLiteral("output"), true, {Command::Review, Command::Matrix}},
        {QStringLiteral("reviewers"), true, {Command::Agreement}},
    };
    return specs;
}

const OptionSpec *findOption(const QString &name)
{
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

std::optional<Command> commandFromName(const QString &name)
{
    if (name == u"list")
        return Command::List;
    if (name == u"show")
        return Command::Show;
    if (name == u"search")
        return Command::Search;
    if (name == u"help")
        return Command::Help;
    if (name == u"rules")
        return Command::RulesCheck;
    if (name == u"classify")
        return Command::Classify;
    if (name == u"matrix")
        return Command::Matrix;
    if (name == u"profile")
        return Command::Profile;
    if (name == u"flag")
        return Command::Flag;
    if (name == u"agreement")
        return Command::Agreement;
    if (name == u"review")
        return Command::Review;
    if (name == u"team")
        return Command::Team;
    return std::nullopt;
}

QString commandName(Command command)
{
    switch (command) {
    case Command::List: return QStringLiteral("list");
    case Command::Show: return QStringLiteral("show");
    case Command::Search: return QStringLiteral("search");
    case Command::Version: return QStringLiteral("version");
    case Command::RulesCheck: return QStringLiteral("rules check");
    case Command::Classify: return QStringLiteral("classify");
    case Command::Profile: return QStringLiteral("profile");
    case Command::Flag: return QStringLiteral("flag");
    case Command::Agreement: return QStringLiteral("agreement");
    case Command::Review: return QStringLiteral("review");
    case Command::Matrix: return QStringLiteral("matrix");
    case Command::Team: return QStringLiteral("team");
    case Command::Help: break;
    }
    return QStringLiteral("help");
}

ParseResult failure(const QString &message)
{
    return {std::nullopt, message};
}

} // namespace

ParseResult parseArguments(const QStringList &arguments)
{
    struct GivenOption {
        const OptionSpec *spec;
        QString value;
    };
    QVector<GivenOption> given;
    QStringList positional;
    bool optionsEnded = false;

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || argument == u"-" || !argument.startsWith(u'-')) {
            positional.append(argument);
            continue;
        }
        if (argument == u"--") {
            optionsEnded = true;
            continue;
        }
        QString name;
        std::optional<QString> inlineValue;
        if (argument == u"-h") {
            name = QStringLiteral("help");
        } else if (argument == u"-v") {
            name = QStringLiteral("version");
        } else if (argument == u"-o") {
            name = QStringLiteral("output");
        } else if (argument.startsWith(QStringLiteral("--"))) {
            name = argument.mid(2);
            const qsizetype equals = name.indexOf(u'=');
            if (equals >= 0) {
                inlineValue = name.mid(equals + 1);
                name.truncate(equals);
            }
        } else {
            return failure(QStringLiteral("unknown option '%1'").arg(argument));
        }
        const OptionSpec *spec = findOption(name);
        if (!spec)
            return failure(QStringLiteral("unknown option '--%1'").arg(name));
        QString value;
        if (spec->takesValue) {
            if (inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < arguments.size()) {
                value = arguments.at(++i);
            } else {
                return failure(QStringLiteral("option '--%1' needs a value").arg(name));
            }
            if (value.isEmpty())
                return failure(QStringLiteral("option '--%1' needs a value").arg(name));
        } else if (inlineValue) {
            return failure(QStringLiteral("option '--%1' takes no value").arg(name));
        }
        given.append({spec, value});
    }

    Arguments result;
    // Help and version win over everything else, as people expect.
    for (const GivenOption &option : std::as_const(given)) {
        if (option.spec->name == u"help")
            return {result, {}};
    }
    for (const GivenOption &option : std::as_const(given)) {
        if (option.spec->name == u"version") {
            result.command = Command::Version;
            return {result, {}};
        }
    }

    if (positional.isEmpty())
        return failure(QStringLiteral("no command given"));
    const QString name = positional.takeFirst();
    const std::optional<Command> command = commandFromName(name);
    if (!command)
        return failure(QStringLiteral("unknown command '%1'").arg(name));
    result.command = *command;

    for (const GivenOption &option : std::as_const(given)) {
        const OptionSpec &spec = *option.spec;
        if (!spec.commands.isEmpty() && !spec.commands.contains(result.command))
            return failure(QStringLiteral("option '--%1' does not apply to '%2'").arg(spec.name, name));
        if (spec.name == u"library") {
            result.library = option.value;
        } else if (spec.name == u"studies") {
            result.studies = option.value;
        } else if (spec.name == u"no-seed") {
            result.seed = false;
        } else if (spec.name == u"format" && result.command == Command::Matrix) {
            const std::optional<MatrixFormat> format = matrixFormatFromString(option.value);
            if (!format)
                return failure(QStringLiteral("invalid format '%1' (expected table, csv, json, svg, png, pdf or html)")
                                   .arg(option.value));
            result.matrixFormat = *format;
        } else if (spec.name == u"format") {
            const std::optional<OutputFormat> format = outputFormatFromString(option.value);
            if (!format)
                return failure(QStringLiteral("invalid format '%1' (expected table, json or csv)").arg(option.value));
            result.format = *format;
        } else if (spec.name == u"rules") {
            result.rulesFile = option.value;
        } else if (spec.name == u"explain") {
            result.explain = true;
        } else if (spec.name == u"filter") {
            const std::optional<IndependenceFilter> filter = independenceFilterFromString(option.value);
            if (!filter)
                return failure(QStringLiteral("invalid filter '%1' (expected all, independent, industry-linked or unclear)")
                                   .arg(option.value));
            result.filter = *filter;
        } else if (const QString error = reviewOption(spec.name, option.value, result); !error.isEmpty()) {
            return failure(error);
        }
    }

    switch (result.command) {
    case Command::Show:
        if (positional.isEmpty())
            return failure(QStringLiteral("'show' needs a study ID"));
        result.id = positional.takeFirst();
        break;
    case Command::Search:
        if (positional.isEmpty())
            return failure(QStringLiteral("'search' needs the text to search for"));
        result.text = positional.join(u' ');
        positional.clear();
        break;
    case Command::RulesCheck:
        if (positional.isEmpty() || positional.constFirst() != u"check")
            return failure(QStringLiteral("'rules' needs a subcommand: rules check FILE"));
        positional.removeFirst();
        if (positional.isEmpty())
            return failure(QStringLiteral("'rules check' needs the rules file to check"));
        result.rulesFile = positional.takeFirst();
        break;
    case Command::Classify:
        if (result.format == OutputFormat::Csv)
            return failure(QStringLiteral("'classify' writes table or json, not csv"));
        break;
    case Command::Profile:
    case Command::Flag:
    case Command::Agreement:
    case Command::Review: {
        QStringList names;
        for (const GivenOption &option : std::as_const(given))
            names.append(option.spec->name);
        if (const QString error = reviewCommand(result, positional, names); !error.isEmpty())
            return failure(error);
        break;
    }
    case Command::Matrix:
        // A terminal is no place for PNG or PDF bytes.
        if (isBinaryMatrixFormat(result.matrixFormat) && (result.outputFile.isEmpty() || result.outputFile == u"-"))
            return failure(QStringLiteral("'matrix --format %1' writes a binary file: give it with -o FILE")
                               .arg(toString(result.matrixFormat)));
        break;
    case Command::Team:
        // Team mode (docs/team-mode.md): team init | team grant USER ROLE.
        result.subcommand = positional.isEmpty() ? QString() : positional.takeFirst();
        if (result.subcommand == u"grant") {
            if (positional.size() < 2)
                return failure(QStringLiteral("'team grant' needs a database USER and a ROLE "
                                              "(clinician, student, reviewer or editor)"));
            result.user = positional.takeFirst();
            result.role = positional.takeFirst();
        } else if (result.subcommand != u"init") {
            return failure(QStringLiteral("'team' needs a subcommand: team init, or team grant USER ROLE"));
        }
        break;
    case Command::List:
    case Command::Help:
    case Command::Version:
        break;
    }
    if (!positional.isEmpty())
        return failure(QStringLiteral("unexpected argument '%1' for '%2'").arg(positional.constFirst(),
                                                                                  commandName(result.command)));
    return {result, {}};
}

} // namespace mgreview::cli
