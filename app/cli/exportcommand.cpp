#include "commands.h"
#include "commandsupport.h"

#include "importexport/studyexport.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace mgreview::cli {

int runExport(const CommandContext &context)
{
    const Arguments &args = context.arguments;
    const ExportFormat format = *args.exportFormat;
    ExportOptions options;
    options.filter = args.filter;
    options.search = args.search;
    options.ids = args.ids;
    options.csvByteOrderMark = args.byteOrderMark;

    const QString &output = args.outputFile;
    if (output.isEmpty() || output == u"-") {
        // Standard output, byte for byte (a text stream would re-encode and drop a BOM) and
        // streamed as it is written. A pipe has no half file to worry about.
        context.out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return report(context, QStringLiteral("cannot write to standard output: %1").arg(stdoutFile.errorString()));
        const ExportResult result = exportStudies(context.database, format, options, stdoutFile);
        stdoutFile.flush();
        if (!result.ok)
            return report(context, result.error);
        return ExitSuccess;
    }

    const ExportResult result = exportStudiesToPath(context.database, format, options, output);
    if (!result.ok)
        return report(context, result.error);
    // A confirmation on standard error keeps standard output for data.
    context.err << QStringLiteral("Exported %1 %2 as %3 to %4 (funding filter: %5).\n")
                       .arg(result.exported)
                       .arg(result.exported == 1 ? QStringLiteral("study") : QStringLiteral("studies"),
                            displayName(format), QFileInfo(output).absoluteFilePath(), toString(args.filter));
    return ExitSuccess;
}

} // namespace mgreview::cli
