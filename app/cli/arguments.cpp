#include "arguments.h"
#include "annotationarguments.h"
#include "pdfarguments.h"
#include "importarguments.h"
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
                                          Command::Profile, Command::Agreement, Command::Review, Command::Matrix,
                                          Command::Export, Command::Annotations,
                                          Command::Attachments, Command::LinkPdfs, Command::VerifyQuotes,
                                          Command::PdfSearch, Command::PdfText, Command::PdfCheck,
                                          Command::Import, Command::Duplicates}},
        {QStringLiteral("rules"), true, {Command::Classify}},
        {QStringLiteral("explain"), false, {Command::Classify}},
        {QStringLiteral("filter"), true, {Command::List, Command::Search, Command::Matrix, Command::Export}},
        // Export (exportcommand.cpp).
        {QStringLiteral("search"), true, {Command::Export}},
        {QStringLiteral("ids"), true, {Command::Export}},
        {QStringLiteral("bom"), false, {Command::Export}},
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
        {QStringLiteral("output"), true, {Command::Review, Command::Matrix, Command::Export, Command::Annotations}},
        {QStringLiteral("reviewers"), true, {Command::Agreement}},
        // Annotation commands (annotationarguments.cpp).
        {QStringLiteral("quote"), true, {Command::Annotate}},
        {QStringLiteral("tag"), true, {Command::Annotate, Command::Annotations}},
        {QStringLiteral("note"), true, {Command::Annotate, Command::Annotations}},
        {QStringLiteral("author"), true, {Command::Annotate, Command::Annotations}},
        {QStringLiteral("conclusion"), true, {Command::Annotate}},
        {QStringLiteral("study"), true, {Command::Annotations}},
        // PDF commands (pdfarguments.cpp). attach/link-pdfs --link is a switch, unlike flag's.
        {QStringLiteral("link"), false, {Command::Attach, Command::LinkPdfs}},
        {QStringLiteral("label"), true, {Command::Attach}},
        {QStringLiteral("dry-run"), false, {Command::LinkPdfs, Command::Import}},
        // Import (importarguments.cpp).
        {QStringLiteral("no-rules"), false, {Command::Import}},
        {QStringLiteral("report"), true, {Command::Import}},
        {QStringLiteral("password"), true, {Command::PdfText, Command::PdfCheck, Command::IndexPdfs, Command::VerifyQuotes}},
        {QStringLiteral("password-stdin"), false, {Command::PdfText}},
        {QStringLiteral("pages"), true, {Command::PdfText}},
        {QStringLiteral("timeout"), true, {Command::PdfText, Command::PdfCheck, Command::IndexPdfs,
                                           Command::VerifyQuotes, Command::LinkPdfs}},
    };
    return specs;
}

std::optional<Command> commandFromName(const QString &name);

/// The spec of option `name`; when two commands use the name differently, the one of the
/// command named so far (`positional`'s first word) wins.
const OptionSpec *findOption(const QString &name, const QStringList &positional)
{
    const std::optional<Command> command = positional.isEmpty() ? std::nullopt : commandFromName(positional.constFirst());
    const OptionSpec *first = nullptr;
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.name != name)
            continue;
        if (command && spec.commands.contains(*command))
            return &spec;
        if (!first)
            first = &spec;
    }
    return first;
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
    if (name == u"import")
        return Command::Import;
    if (name == u"duplicates")
        return Command::Duplicates;
    if (name == u"team")
        return Command::Team;
    if (name == u"export")
        return Command::Export;
    if (name == u"annotate")
        return Command::Annotate;
    if (name == u"annotations")
        return Command::Annotations;
    if (const std::optional<Command> pdf = pdfCommandFromName(name))
        return pdf;
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
    case Command::Import: return QStringLiteral("import");
    case Command::Duplicates: return QStringLiteral("duplicates");
    case Command::Team: return QStringLiteral("team");
    case Command::Export: return QStringLiteral("export");
    case Command::Annotate: return QStringLiteral("annotate");
    case Command::Annotations: return QStringLiteral("annotations");
    case Command::Attach:
    case Command::Detach:
    case Command::Attachments:
    case Command::LinkPdfs:
    case Command::VerifyQuotes:
    case Command::IndexPdfs:
    case Command::PdfSearch:
    case Command::PdfText:
    case Command::PdfCheck: return pdfCommandName(command);
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
        const OptionSpec *spec = findOption(name, positional);
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
        } else if (const QString importError = importOption(spec.name, option.value, result);
                   importError != kNotAnImportOption) {
            if (!importError.isEmpty())
                return failure(importError);
        } else if (spec.name == u"format" && result.command == Command::Export) {
            result.exportFormat = exportFormatFromString(option.value);
            if (!result.exportFormat)
                return failure(QStringLiteral("invalid format '%1' (expected ris, bibtex, csv, json or studies)")
                                   .arg(option.value));
        } else if (spec.name == u"search") {
            result.search = option.value;
        } else if (spec.name == u"ids") {
            for (const QString &id : option.value.split(u',', Qt::SkipEmptyParts))
                result.ids.append(id.trimmed());
        } else if (spec.name == u"bom") {
            result.byteOrderMark = true;
        } else if (spec.name == u"format" && result.command == Command::Annotations) {
            result.annotationFormat = option.value; // Checked per subcommand (annotationarguments.cpp).
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
        } else if (isAnnotationOption(spec.name)) {
            if (const QString error = annotationOption(spec.name, option.value, result); !error.isEmpty())
                return failure(error);
        } else if (isPdfOption(spec.name) && !(spec.name == u"link" && spec.takesValue)) {
            if (const QString error = pdfOption(spec.name, option.value, result); !error.isEmpty())
                return failure(error);
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
    case Command::Annotate:
    case Command::Annotations: {
        QStringList names;
        for (const GivenOption &option : std::as_const(given))
            names.append(option.spec->name);
        if (const QString error = annotationCommand(result, positional, names); !error.isEmpty())
            return failure(error);
        break;
    }
    case Command::Matrix:
        // A terminal is no place for PNG or PDF bytes.
        if (isBinaryMatrixFormat(result.matrixFormat) && (result.outputFile.isEmpty() || result.outputFile == u"-"))
            return failure(QStringLiteral("'matrix --format %1' writes a binary file: give it with -o FILE")
                               .arg(toString(result.matrixFormat)));
        break;
    case Command::Import:
    case Command::Duplicates:
        if (const QString error = importCommand(result, positional); !error.isEmpty())
            return failure(error);
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
    case Command::Export:
        if (!result.exportFormat)
            return failure(QStringLiteral("'export' needs --format ris, bibtex, csv, json or studies"));
        if (*result.exportFormat == ExportFormat::Studies && (result.outputFile.isEmpty() || result.outputFile == u"-"))
            return failure(QStringLiteral("'export --format studies' writes a folder: give it with -o DIR"));
        if (result.byteOrderMark && *result.exportFormat != ExportFormat::Csv)
            return failure(QStringLiteral("option '--bom' applies to '--format csv' only"));
        break;
    case Command::Attach:
    case Command::Detach:
    case Command::Attachments:
    case Command::LinkPdfs:
    case Command::VerifyQuotes:
    case Command::IndexPdfs:
    case Command::PdfSearch:
    case Command::PdfText:
    case Command::PdfCheck:
        if (const QString error = pdfCommand(result, positional); !error.isEmpty())
            return failure(error);
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
