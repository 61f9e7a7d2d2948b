#include "cliapp.h"

#include "arguments.h"
#include "commands.h"
#include "usage.h"

#include "model/vocabulary.h"
#include "store/database.h"
#include "store/librarylocation.h"
#include "store/seeder.h"

#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/ioctl.h>
#include <unistd.h>
#endif

#include <memory>

namespace mgreview::cli {

namespace {

void printMessage(QTextStream &err, const QString &message)
{
    err << kProgramName << QStringLiteral(": ") << message << u'\n';
}

// Opens the library like the app does: create and migrate if needed, then seed studies
// never seeded before. Invalid study files are reported but do not stop the command.
std::unique_ptr<Database> openAndSeed(const Arguments &arguments, QTextStream &err)
{
    QString studiesFolder;
    if (arguments.seed) {
        if (!arguments.studies.isEmpty()) {
            if (!QFileInfo(arguments.studies).isDir()) {
                printMessage(err, QStringLiteral("%1: no such studies folder (--studies)").arg(arguments.studies));
                return nullptr;
            }
            studiesFolder = QDir(arguments.studies).absolutePath();
        } else {
            studiesFolder = findStudiesFolder();
        }
    }

    const LibraryLocation location = arguments.library.isEmpty() ? LibraryLocation::defaultLocation()
                                                                  : LibraryLocation::parse(arguments.library);
    QString error;
    std::unique_ptr<Database> database = Database::open(location, &error);
    if (!database) {
        printMessage(err, QStringLiteral("cannot open the library: %1").arg(error));
        return nullptr;
    }

    if (arguments.seed) {
        if (studiesFolder.isEmpty()) {
            printMessage(err, QStringLiteral("warning: no studies/ folder found to seed the library from"));
        } else {
            const SeedReport seed = seedLibrary(*database, studiesFolder, Vocabularies::builtin());
            // file:line:column messages, as compilers print them, so editors can jump there.
            for (const QString &message : seed.errors)
                err << message << u'\n';
        }
    }
    return database;
}

} // namespace

bool needsGuiApplication(const QStringList &arguments)
{
    const ParseResult parsed = parseArguments(arguments);
    if (!parsed.arguments || parsed.arguments->command != Command::Matrix)
        return false;
    const MatrixFormat format = parsed.arguments->matrixFormat;
    return format == MatrixFormat::Svg || format == MatrixFormat::Png || format == MatrixFormat::Pdf;
}

int outputLineWidth()
{
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    if (ok && columns >= 40)
        return columns;
#ifdef Q_OS_UNIX
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40)
        return size.ws_col;
#endif
    return 120;
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const ParseResult parsed = parseArguments(arguments);
    if (!parsed.arguments) {
        printMessage(err, parsed.error);
        err << shortUsage();
        return ExitUsage;
    }
    const Arguments &args = *parsed.arguments;
    switch (args.command) {
    case Command::Help:
        out << helpText(LibraryLocation::defaultLocation().displayName());
        return ExitSuccess;
    case Command::Version:
        out << kProgramName << u' ' << QStringLiteral(MGREVIEW_VERSION) << u'\n';
        return ExitSuccess;
    case Command::RulesCheck:
        return runRulesCheck(args, out, err);
    case Command::PdfText:
        return runPdfText(args, out, err);
    case Command::PdfCheck:
        return runPdfCheck(args, out, err);
    case Command::Attach:
    case Command::Detach:
    case Command::Attachments:
    case Command::LinkPdfs:
    case Command::VerifyQuotes:
    case Command::IndexPdfs:
    case Command::PdfSearch:
    case Command::List:
    case Command::Show:
    case Command::Search:
    case Command::Classify:
    case Command::Profile:
    case Command::Flag:
    case Command::Agreement:
    case Command::Review:
    case Command::Matrix:
    case Command::Import:
    case Command::Duplicates:
    case Command::Team:
    case Command::Export:
    case Command::Annotate:
    case Command::Annotations:
        break;
    }

    const std::unique_ptr<Database> database = openAndSeed(args, err);
    if (!database)
        return ExitFailure;
    const CommandContext context{args, *database, out, err, outputLineWidth()};
    switch (args.command) {
    case Command::List: return runList(context);
    case Command::Show: return runShow(context);
    case Command::Search: return runSearch(context);
    case Command::Classify: return runClassify(context);
    case Command::Profile: return runProfile(context);
    case Command::Flag: return runFlag(context);
    case Command::Agreement: return runAgreement(context);
    case Command::Review: return runReview(context);
    case Command::Matrix: return runMatrix(context);
    case Command::Import: return runImport(context);
    case Command::Duplicates: return runDuplicates(context);
    case Command::Team: return runTeam(context);
    case Command::Export: return runExport(context);
    case Command::Annotate: return runAnnotate(context);
    case Command::Annotations: return runAnnotations(context);
    case Command::Attach: return runAttach(context);
    case Command::Detach: return runDetach(context);
    case Command::Attachments: return runAttachments(context);
    case Command::LinkPdfs: return runLinkPdfs(context);
    case Command::VerifyQuotes: return runVerifyQuotes(context);
    case Command::IndexPdfs: return runIndexPdfs(context);
    case Command::PdfSearch: return runPdfSearch(context);
    case Command::PdfText:
    case Command::PdfCheck:
    case Command::RulesCheck:
    case Command::Help:
    case Command::Version: break;
    }
    return ExitSuccess;
}

} // namespace mgreview::cli
